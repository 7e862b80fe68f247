import path from 'node:path';
import { API_INPUTS, CHANNELS, type Api, type Channel } from '../../shared/api.ts';
import type { ConnectionDraft, ConnectionReport } from '../../shared/connection.ts';
import type { AppEventListener } from '../../shared/events.ts';
import { ITEMS_API_INPUTS, type ItemsApi } from '../../shared/itemsContract.ts';
import { RUNS_API_INPUTS, type RunsApi } from '../../shared/runsContract.ts';
import type { StorageApi } from '../../shared/storage.ts';
import type { DesktopIntegration } from './desktop.ts';
import { createEventHub } from './eventHub.ts';
import type { RunsServiceDeps } from './pipeline/runsService.ts';
import { createFileLogger, type Logger } from './logging/logger.ts';
import { testConnection as testSavedOrTypedConnection } from './settings/connectionTest.ts';
import { checkDataFolder } from './settings/dataFolderCheck.ts';
import type { SecretBox, SettingsPersistence } from './settings/persistence.ts';
import { inputKeepingSecrets } from './settings/settingsInput.ts';
import { createSettingsService, type SettingsService } from './settings/settingsService.ts';
import type { Database } from './store/database.ts';
import { listRunSkips, readRunDetails } from './store/runDetails.ts';
import { createStorageSession } from './storageSession.ts';

export { DATABASE_FILE_NAME } from './storageSession.ts';

export type CoreDeps = {
  /** The app's data folder: database and logs live here unless Settings names another folder. */
  dataFolder: string;
  persistence: SettingsPersistence;
  secretBox: SecretBox;
  version: string;
  /** Defaults to a JSON-lines file in <data folder in use>/logs. */
  log?: Logger;
  fetch?: typeof fetch;
  /** Save dialog and system browser; the CLI and tests hand in stand-ins. */
  desktop: DesktopIntegration;
  /** The item query threads' module, for a bundle to name its built copy (the source file otherwise). */
  itemQueryWorker?: string;
  /** For tests: collectors, health checks and tick rate of runs. */
  pipeline?: RunsServiceDeps['pipeline'];
  /** The app or the CLI: recorded as the owner of the runs it starts. Default: the app. */
  processKind?: RunsServiceDeps['processKind'];
  /**
   * Check every page of the database once it opened, on another thread, and show recovery if damaged
   * (the app and the bridge do; a short-lived CLI command need not).
   */
  checkIntegrity?: boolean;
};

export type Core = Api & {
  onEvent(listener: AppEventListener): () => void;
  readonly settings: SettingsService;
  /** The open database; throws what is wrong with it when it could not be opened. */
  readonly db: Database;
  readonly log: Logger;
  /**
   * Cancels a run in progress, waits for it to store what it has, stops the query threads, then closes
   * the database.
   */
  close(): Promise<void>;
};

export const LOG_FILE_NAME = 'code-helper-ingest.log.jsonl';

/**
 * Builds the core from its dependencies. Used unchanged by the Electron main process, the CLI, the
 * browser-test bridge, the tests and the benchmarks. Every Api method re-validates its arguments: the
 * renderer is untrusted. It never fails to start for want of a database: then the Items and Runs calls
 * reject with what is wrong, and the Storage calls (the recovery screen's) say it and repair it.
 */
export function createCore(deps: CoreDeps): Core {
  // The log goes to the data folder in use, known once the settings are read; the logger redacts the
  // secrets of those settings: hence both late bindings.
  const late = { secrets: (): string[] => [], folder: () => deps.dataFolder };
  const logFile = () => path.join(late.folder(), 'logs', LOG_FILE_NAME);
  const log = deps.log ?? createFileLogger(logFile, () => late.secrets());
  const service = createSettingsService({ persistence: deps.persistence, secretBox: deps.secretBox, log });
  late.secrets = service.secrets;
  const savedFolder = () => service.current().pipeline.dataFolder || deps.dataFolder;
  const events = createEventHub();
  const storage = createStorageSession(savedFolder(), {
    log,
    settings: () => service.current(),
    emit: events.emit,
    desktop: deps.desktop,
    fetch: deps.fetch,
    itemQueryWorker: deps.itemQueryWorker,
    pipeline: deps.pipeline,
    checkIntegrity: deps.checkIntegrity,
    processKind: deps.processKind,
  });
  // An unusable folder can't hold its logs either: those go to the app's own folder then.
  late.folder = () => (storage.problem()?.kind === 'folder-unusable' ? deps.dataFolder : storage.folder());

  async function testConnection(draft: ConnectionDraft): Promise<ConnectionReport> {
    const report = await testSavedOrTypedConnection(draft, service.current(), deps.fetch);
    log.info('Connection tested', { source: draft.source, status: report.status });
    return report;
  }

  const storageApi: StorageApi = {
    getStorageState: async () => storage.state(),
    retryStorage: async () => storage.retry(),
    setAsideDatabase: async () => storage.setAsideAndStartNew(),
    async useDataFolder(folder) {
      const error = checkDataFolder(folder);
      if (error) return { state: storage.state(), error };
      const saved = service.save(inputKeepingSecrets(service.current(), { dataFolder: folder }));
      if (!saved.ok) return { state: storage.state(), error: Object.values(saved.errors).join(' ') };
      events.emit({ type: 'settings-changed' });
      return { state: storage.problem() ? await storage.moveTo(savedFolder()) : storage.state() };
    },
    chooseFolder: async () => (await deps.desktop.chooseFolder?.()) ?? null,
  };

  /**
   * Items and Runs calls go to the open storage, or reject with what is wrong with it; damage one of them
   * meets rejects with the diagnosis and brings up the recovery screen.
   */
  const onStorage = Object.fromEntries(
    [
      ...Object.keys(ITEMS_API_INPUTS).map((channel) => [channel, 'items'] as const),
      ...Object.keys(RUNS_API_INPUTS).map((channel) => [channel, 'runs'] as const),
    ].map(([channel, part]) => [
      channel,
      (...args: unknown[]) =>
        storage.use((open) => {
          const target = open[part] as unknown as Record<string, (...a: unknown[]) => unknown>;
          return target[channel](...args);
        }),
    ]),
  ) as unknown as ItemsApi & RunsApi;

  const api: Api = {
    getAppInfo: async () => {
      const pending = savedFolder() === storage.folder() ? undefined : savedFolder();
      return {
        version: deps.version,
        dataFolder: storage.folder(),
        ...(pending && { dataFolderPending: pending }),
        logFile: logFile(),
        databaseFile: storage.state().databaseFile,
        ...(deps.persistence.location && { settingsFile: deps.persistence.location }),
        secretsEncrypted: deps.secretBox.encrypts,
      };
    },
    getSettings: async () => service.publicSettings(),
    saveSettings: async (input) => {
      const result = service.save(input);
      if (result.ok) events.emit({ type: 'settings-changed' });
      return result;
    },
    testConnection,
    ...storageApi,
    ...onStorage,
    getRun: (id) => storage.use(({ db }) => readRunDetails(db, id)),
    listSkips: (runId, query) => storage.use(({ db }) => listRunSkips(db, runId, query)),
  };

  const validated = Object.fromEntries(
    CHANNELS.map((channel: Channel) => [
      channel,
      async (...args: unknown[]) => {
        const parsed = API_INPUTS[channel].parse(args) as unknown[];
        return (api[channel] as (...a: unknown[]) => Promise<unknown>)(...parsed);
      },
    ]),
  ) as unknown as Api;

  return {
    ...validated,
    onEvent: events.subscribe,
    settings: service,
    get db() {
      return storage.require().db;
    },
    log,
    close: () => storage.close(),
  };
}
