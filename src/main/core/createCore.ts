import path from 'node:path';
import { API_INPUTS, CHANNELS, type Api, type Channel } from '../../shared/api.ts';
import type { ConnectionDraft, ConnectionReport } from '../../shared/connection.ts';
import type { AppEventListener } from '../../shared/events.ts';
import type { DesktopIntegration } from './desktop.ts';
import { createEventHub } from './eventHub.ts';
import { createRunsService, type RunsServiceDeps } from './pipeline/runsService.ts';
import { createItemsApi } from './items/createItemsApi.ts';
import { createItemQueryPool } from './items/itemQueryPool.ts';
import { itemRowidBounds } from './store/listItems.ts';
import { createFileLogger, type Logger } from './logging/logger.ts';
import { testConnection as testSavedOrTypedConnection } from './settings/connectionTest.ts';
import type { SecretBox, SettingsPersistence } from './settings/persistence.ts';
import { createSettingsService, type SettingsService } from './settings/settingsService.ts';
import { openDatabase, type Database } from './store/database.ts';
import { listRunSkips, readRunDetails } from './store/runDetails.ts';

export type CoreDeps = {
  /** The app's data folder: database and logs live here unless Settings names another folder. */
  dataFolder: string;
  persistence: SettingsPersistence;
  secretBox: SecretBox;
  version: string;
  /** Defaults to a JSON-lines file in <dataFolder>/logs. */
  log?: Logger;
  fetch?: typeof fetch;
  /** Save dialog and system browser; the CLI and tests hand in stand-ins. */
  desktop: DesktopIntegration;
  /** The item query threads' module, for a bundle to name its built copy (the source file otherwise). */
  itemQueryWorker?: string;
  /** For tests: collectors, health checks and tick rate of runs. */
  pipeline?: RunsServiceDeps['pipeline'];
};

export type Core = Api & {
  onEvent(listener: AppEventListener): () => void;
  readonly settings: SettingsService;
  readonly db: Database;
  readonly log: Logger;
  /**
   * Cancels a run in progress, waits for it to store what it has, stops the query threads, then closes
   * the database.
   */
  close(): Promise<void>;
};

export const LOG_FILE_NAME = 'code-helper-ingest.log.jsonl';
export const DATABASE_FILE_NAME = 'code-helper-ingest.sqlite';

/**
 * Builds the core from its dependencies. Used unchanged by the Electron main process, the CLI, the
 * browser-test bridge, the tests and the benchmarks. Every Api method re-validates its arguments: the
 * renderer is untrusted.
 */
export function createCore(deps: CoreDeps): Core {
  const logFile = path.join(deps.dataFolder, 'logs', LOG_FILE_NAME);
  // The logger redacts the secrets of the settings it is handed to, hence the late binding.
  const secretsInUse = { list: (): string[] => [] };
  const log = deps.log ?? createFileLogger(logFile, () => secretsInUse.list());
  const service = createSettingsService({ persistence: deps.persistence, secretBox: deps.secretBox, log });
  secretsInUse.list = service.secrets;
  const dataFolder = () => service.current().pipeline.dataFolder || deps.dataFolder;
  const databaseFile = path.join(dataFolder(), DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile);
  const queries = createItemQueryPool({
    databaseFile,
    rowidBounds: () => itemRowidBounds(db),
    workerFile: deps.itemQueryWorker,
  });
  const events = createEventHub();
  const runs = createRunsService({
    db,
    log,
    settings: () => service.current(),
    emit: events.emit,
    fetch: deps.fetch,
    pipeline: deps.pipeline,
  });

  async function testConnection(draft: ConnectionDraft): Promise<ConnectionReport> {
    const report = await testSavedOrTypedConnection(draft, service.current(), deps.fetch);
    log.info('Connection tested', { source: draft.source, status: report.status });
    return report;
  }

  const api: Api = {
    getAppInfo: async () => ({
      version: deps.version,
      dataFolder: dataFolder(),
      logFile,
      databaseFile,
      secretsEncrypted: deps.secretBox.encrypts,
    }),
    getSettings: async () => service.publicSettings(),
    saveSettings: async (input) => {
      const result = service.save(input);
      if (result.ok) events.emit({ type: 'settings-changed' });
      return result;
    },
    testConnection,
    ...createItemsApi({ db, queries, desktop: deps.desktop, emit: events.emit, log }),
    startRun: runs.startRun,
    pauseRun: runs.pauseRun,
    resumeRun: runs.resumeRun,
    cancelRun: runs.cancelRun,
    getRunState: runs.getRunState,
    listRuns: runs.listRuns,
    getRun: async (id) => readRunDetails(db, id),
    listSkips: async (runId, query) => listRunSkips(db, runId, query),
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
    db,
    log,
    async close() {
      const run = runs.active();
      if (run) {
        run.cancel();
        await run.done;
      }
      await queries.close();
      db.close();
    },
  };
}
