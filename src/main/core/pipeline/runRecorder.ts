import { sameOrigin, type Settings } from '../../../shared/settings.ts';
import { SOURCE_REGISTRY, withSecrets } from '../collectors/sources.ts';
import { transaction, type Database } from '../store/database.ts';
import { createRunsTable, type RunOwner, type UnfinishedRun } from '../store/runsTable.ts';
import { HEARTBEAT_MS, ownerAlive, RunBusyError, thisProcess } from './runOwner.ts';

/** Settings as recorded with a run: everything but the secrets. */
export const settingsForRecord = (settings: Settings): Settings =>
  withSecrets(settings, (id) => (SOURCE_REGISTRY[id].secret.get(settings) ? '(set)' : ''));

/**
 * The runs this process runs, per database, with their heartbeat timers. Kept per process (recorders are
 * many): a run of this process that is not here has ended (its end maybe not recorded, on a full disk)
 * and is not taken for one in progress.
 */
const beating = new WeakMap<Database, Map<number, ReturnType<typeof setInterval>>>();

/**
 * The runs table (store/runsTable.ts) with the secrets policy (never recorded; today's on resume, and only
 * for the origin they were saved for) and the ownership rules: a run belongs to the process running it,
 * which beats while it runs; a second run on the same database is refused while its owner lives; a run
 * whose owner died is marked interrupted. Claiming happens in one write transaction, so two processes
 * starting at once cannot both win.
 */
export function createRunRecorder(db: Database, owner: RunOwner = thisProcess('app')) {
  const table = createRunsTable(db);
  const beats = beating.get(db) ?? beating.set(db, new Map()).get(db)!;
  const me = thisProcess(owner.kind);
  /** Alive, and if it is this process's, still running here. */
  const inProgress = (run: UnfinishedRun) =>
    ownerAlive(run) && !(run.owner?.pid === me.pid && run.owner.host === me.host && !beats.has(run.id));

  /** Marks runs of dead owners interrupted; throws RunBusyError for one whose owner lives. */
  function sweep(refuseLive: boolean): number {
    const unfinished = table.unfinished();
    const dead = unfinished.filter((run) => !inProgress(run));
    table.markInterrupted(dead.map((run) => run.id));
    const live = unfinished.find(inProgress);
    if (refuseLive && live) throw new RunBusyError(live);
    return dead.length;
  }

  function keepAlive(runId: number): void {
    const timer = setInterval(() => {
      try {
        table.heartbeat(runId);
      } catch {
        // A beat that cannot be written (disk full) is tried again; beats stopped for good read as dead.
        if (!db.isOpen) clearInterval(timer);
      }
    }, HEARTBEAT_MS);
    timer.unref();
    beats.set(runId, timer);
  }

  return {
    ...table,
    /** Runs that dead processes left running become interrupted; answers how many. */
    markInterrupted: () => transaction(db, () => sweep(false)),
    start(settings: Settings, now = new Date()): number {
      const runId = transaction(db, () => {
        sweep(true);
        return table.start(settingsForRecord(settings), owner, now);
      });
      keepAlive(runId);
      return runId;
    },
    reopen(runId: number): void {
      transaction(db, () => {
        sweep(true);
        table.reopen(runId, owner);
      });
      keepAlive(runId);
    },
    finish(...args: Parameters<typeof table.finish>): void {
      clearInterval(beats.get(args[0]));
      beats.delete(args[0]);
      table.finish(...args);
    },
    /** The run another process (or an earlier core of this one) is running on this database, if any. */
    inProgressElsewhere(): UnfinishedRun | undefined {
      return table.unfinished().find((run) => inProgress(run) && !beats.has(run.id));
    },
    /**
     * The settings a run started with, and today's secrets (never recorded) for each source whose address
     * has the origin the secret was saved for; none for one recorded with another address.
     */
    settingsForResume(runId: number, current: Settings): Settings {
      const recorded = table.recordedSettings(runId);
      return withSecrets(recorded, (id) =>
        sameOrigin(recorded[id].baseUrl, current[id].baseUrl) ? SOURCE_REGISTRY[id].secret.get(current) : '',
      );
    },
  };
}
