import os from 'node:os';
import type { RunOwner, UnfinishedRun } from '../store/runsTable.ts';

/** How often a running run's process says it is alive, and after how long without it is taken for dead. */
export const HEARTBEAT_MS = 5_000;
export const HEARTBEAT_STALE_MS = 60_000;

export const thisProcess = (kind: RunOwner['kind']): RunOwner => ({
  pid: process.pid,
  kind,
  host: os.hostname(),
});

/** Whether a process with this id exists here ("permission denied" means it does, as another user's). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that owns an unfinished run is still running it: it beat recently and, on this
 * machine, its process exists (a reused pid with a stale heartbeat is not it). On another machine (a
 * shared folder) only the heartbeat can tell. A run recorded before owners were (no owner) is dead.
 */
export function ownerAlive(run: UnfinishedRun, now = Date.now()): boolean {
  if (!run.owner || !run.heartbeatAt) return false;
  if (now - Date.parse(run.heartbeatAt) > HEARTBEAT_STALE_MS) return false;
  return run.owner.host !== os.hostname() || processExists(run.owner.pid);
}

const KIND_WORDS: Record<RunOwner['kind'], string> = { app: 'the app', cli: 'CLI' };

/** Refusal of a second run on the same data folder, naming the one in progress. */
export class RunBusyError extends Error {
  readonly run: UnfinishedRun;
  constructor(run: UnfinishedRun) {
    const owner = run.owner!;
    const where = owner.host === os.hostname() ? '' : ` on ${owner.host}`;
    const started = `${run.startedAt.slice(0, 19).replace('T', ' ')} UTC`;
    super(
      `A run is already in progress (${KIND_WORDS[owner.kind]}, pid ${owner.pid}${where}, started ${started}). Wait for it to end, or stop it there.`,
    );
    this.name = 'RunBusyError';
    this.run = run;
  }
}
