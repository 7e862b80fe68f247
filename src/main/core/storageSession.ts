import fs from 'node:fs';
import path from 'node:path';
import type { AppEvent } from '../../shared/events.ts';
import type { ItemsApi } from '../../shared/itemsContract.ts';
import type { Settings } from '../../shared/settings.ts';
import type { StorageProblem, StorageState } from '../../shared/storage.ts';
import type { DesktopIntegration } from './desktop.ts';
import { createItemsApi } from './items/createItemsApi.ts';
import { createItemQueryPool, type ItemQueries } from './items/itemQueryPool.ts';
import { itemRowidBounds } from './store/listItems.ts';
import type { Logger } from './logging/logger.ts';
import { createRunsService, type RunsServiceDeps } from './pipeline/runsService.ts';
import { openDatabase, type Database } from './store/database.ts';
import { checkIntegrity } from './store/integrityCheck.ts';
import {
  diagnoseStorageError,
  isDamage,
  StorageError,
  storageProblem,
  toStorageError,
} from './store/storageProblem.ts';

export const DATABASE_FILE_NAME = 'code-helper-ingest.sqlite';

/** Everything of the core that needs the database, built once it opens. */
type OpenStorage = {
  db: Database;
  queries: ItemQueries;
  runs: ReturnType<typeof createRunsService>;
  items: ItemsApi;
};

export type StorageSessionDeps = {
  log: Logger;
  settings: () => Settings;
  emit(event: AppEvent): void;
  desktop: DesktopIntegration;
  fetch?: typeof fetch;
  itemQueryWorker?: string;
  pipeline?: RunsServiceDeps['pipeline'];
  processKind?: RunsServiceDeps['processKind'];
  /** Read every page once opened, on another thread (the app does; tests mostly not). */
  checkIntegrity?: boolean;
};

/** What an Items or Runs call rejects with when the storage failed: what happened and what to do. */
const saying = (problem: StorageProblem) => new StorageError(problem, `${problem.message} ${problem.advice}`);

/** "2026-12-01T10-20-30" */
const stamp = () => new Date().toISOString().slice(0, 19).replace(/:/g, '-');

/**
 * The database of one data folder and what is built on it. Opening never throws: when the file can't be
 * opened the session holds the problem instead, and the recovery screen asks it to retry, to keep the
 * damaged file aside and start anew, or to move to another folder.
 */
export function createStorageSession(firstFolder: string, deps: StorageSessionDeps) {
  let folder = firstFolder;
  let open: OpenStorage | undefined;
  let problem: StorageProblem | undefined;
  /** The open storage closing after damage was met: what repairs it waits for this first. */
  let closing: Promise<void> = Promise.resolve();
  const setAside: string[] = [];
  const databaseFile = () => path.join(folder, DATABASE_FILE_NAME);

  function build(db: Database, file: string): OpenStorage {
    // The runs service reads and writes the runs table at once: a damaged one fails here, before threads start.
    const runs = createRunsService({
      db,
      log: deps.log,
      settings: deps.settings,
      emit: deps.emit,
      fetch: deps.fetch,
      pipeline: deps.pipeline,
      processKind: deps.processKind,
      onStorageFailure: (error) => failed(error),
    });
    const queries = createItemQueryPool({
      databaseFile: file,
      rowidBounds: () => itemRowidBounds(db),
      workerFile: deps.itemQueryWorker,
    });
    const items = createItemsApi({
      db,
      queries,
      desktop: deps.desktop,
      emit: deps.emit,
      log: deps.log,
      storageFailed: failed,
    });
    return { db, queries, runs, items };
  }

  function tryOpen(): void {
    const file = databaseFile();
    let db: Database | undefined;
    try {
      db = openDatabase(file);
      open = build(db, file);
      problem = undefined;
      deps.log.info('Database opened', { file });
      if (deps.checkIntegrity) void checkInBackground(open, file);
    } catch (error) {
      db?.close();
      problem = diagnoseStorageError(error, file);
      deps.log.error('The database cannot be opened', { ...problem });
    }
  }

  /** Damage found after opening: the storage closes (a run stores what it can) and recovery takes over. */
  async function checkInBackground(checked: OpenStorage, file: string): Promise<void> {
    const findings = await checkIntegrity(file);
    if (!findings) deps.log.info('Database checked: every page is sound', { file });
    if (!findings || open !== checked) return;
    deps.log.error('The database is damaged', { file, findings });
    await close();
    problem = storageProblem('damaged', file, findings);
    deps.emit({ type: 'storage-problem', problem });
  }

  /**
   * An error met while the database is in use, as the StorageError a user can act on when the storage
   * failed. Damage shows the recovery screen at once and closes the storage once a run meeting it ended.
   */
  function failed(error: unknown): unknown {
    const failure = toStorageError(error, databaseFile());
    if (!(failure instanceof StorageError) || !isDamage(failure.problem) || !open || problem) return failure;
    problem = failure.problem;
    deps.log.error('The database is damaged', { ...problem });
    deps.emit({ type: 'storage-problem', problem });
    // A run in progress stops as if it met the damage itself (interrupted); the storage closes after it.
    const run = open.runs.active();
    run?.stopForStorage(failure);
    closing = (run ? run.done.then(() => undefined) : Promise.resolve()).then(close);
    return failure;
  }

  async function close(): Promise<void> {
    if (!open) return;
    const { runs, queries, db } = open;
    open = undefined;
    const run = runs.active();
    if (run) {
      run.cancel();
      await run.done;
    }
    await queries.close();
    db.close();
  }

  /** The open storage, or an error saying why there is none (every Items and Runs call gets it). */
  function require(): OpenStorage {
    if (open && !problem) return open;
    throw saying(problem!);
  }

  function state(): StorageState {
    return {
      dataFolder: folder,
      databaseFile: databaseFile(),
      ...(problem && { problem }),
      ...(setAside.length > 0 && { setAside: [...setAside] }),
    };
  }

  tryOpen();

  return {
    state,
    folder: () => folder,
    problem: () => problem,
    require,
    /** Runs `work` on the open storage; damage it meets rejects with the diagnosis and shows recovery. */
    async use<R>(work: (storage: OpenStorage) => R | Promise<R>): Promise<R> {
      try {
        return await work(require());
      } catch (error) {
        const failure = failed(error);
        throw failure instanceof StorageError ? saying(failure.problem) : failure;
      }
    },
    async retry(): Promise<StorageState> {
      await closing;
      if (!open) tryOpen();
      return state();
    },
    /** Renames the damaged file and its -wal/-shm companions (so they still go together), then opens anew. */
    async setAsideAndStartNew(): Promise<StorageState> {
      await closing;
      if (open) return state();
      if (!problem?.canSetAside)
        throw new Error(`${problem?.message} Setting the file aside would not help.`);
      const file = databaseFile();
      const aside = `${file}.damaged-${stamp()}`;
      for (const suffix of ['', '-wal', '-shm']) {
        if (!fs.existsSync(file + suffix)) continue;
        fs.renameSync(file + suffix, aside + suffix);
        setAside.push(aside + suffix);
      }
      deps.log.warn('Damaged database kept aside; starting a new one', { file, aside: setAside });
      tryOpen();
      return state();
    },
    /** Moves to another folder while nothing is open there (the recovery screen's "choose another folder"). */
    async moveTo(next: string): Promise<StorageState> {
      await closing;
      if (open) throw new Error('The database is open; another data folder takes effect at the next start');
      folder = next;
      tryOpen();
      return state();
    },
    close,
  };
}

export type StorageSession = ReturnType<typeof createStorageSession>;
