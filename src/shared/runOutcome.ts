import type { RunSnapshot, RunStatus, SourceOutcome, SourceStatus } from './runsContract.ts';
import type { SourceId } from './settings.ts';

/** The sources as sentences name them. */
export const SOURCE_LABELS: Record<SourceId, string> = { github: 'GitHub', stackoverflow: 'Stack Overflow' };

/** How a run ended besides its sources' statuses. */
export type RunEnding = {
  /** The user cancelled it. */
  cancelled?: boolean;
  /** The run itself crashed (not one of its sources). */
  crashed?: boolean;
  /** Storage stopped it (disk full): resumable once there is room. */
  storageStopped?: boolean;
};

/** The status of a finished run, from how each of its sources ended (TEAM.md decision 1). */
export function deriveRunStatus(sources: readonly SourceStatus[], ending: RunEnding = {}): RunStatus {
  if (ending.cancelled) return 'cancelled';
  if (ending.storageStopped) return 'interrupted';
  if (ending.crashed) return 'failed';
  const failed = sources.filter((s) => s === 'failed').length;
  const stopped = sources.filter((s) => s === 'stopped').length;
  const completed = sources.filter((s) => s === 'completed').length;
  if (failed > 0) return completed + stopped > 0 ? 'partial' : 'failed';
  if (stopped > 0) return 'stopped';
  return 'completed';
}

/**
 * Every finished run that did not complete continues from its checkpoints (TEAM.md decision 8): sources
 * that completed are left be, the others go on from where they were.
 */
export const RESUMABLE_RUN_STATUSES: readonly RunStatus[] = [
  'interrupted',
  'stopped',
  'cancelled',
  'partial',
  'failed',
];
export const isResumable = (status: RunStatus) => RESUMABLE_RUN_STATUSES.includes(status);

const clock = (iso: string) => `${new Date(iso).toISOString().slice(11, 16)} UTC`;

/** A stopped source's reason: "daily quota spent, resets at 00:00 UTC". */
export function limitStopReason(limit: string, resumeAt: string): string {
  return `${limit} spent, resets at ${clock(resumeAt)}`;
}

/**
 * A stopped source's reason when its host stopped answering (TEAM.md decision 9): "lost the connection to
 * GitHub (ECONNREFUSED); resume when it is back". `code` is the socket error code, or "timed out".
 */
export function lostConnectionReason(source: SourceId, code: string): string {
  return `lost the connection to ${SOURCE_LABELS[source]} (${code}); resume when it is back`;
}
const LOST_CONNECTION = /^lost the connection to .+ \((.+)\); resume when it is back$/;

/** "Disk full at PATH.", as storage words it (store/storageProblem.ts). */
const DISK_FULL = /^Disk full at (.+?)\.?$/;

/**
 * What stopped each stopped source: "Stack Overflow's daily quota is spent; resume after 00:00 UTC". Lost
 * connections are said once for all: "lost the connection to GitHub (ECONNREFUSED) and to Stack Overflow
 * (ECONNREFUSED); resume when they are back".
 */
function stoppedPhrases(entries: [SourceId, SourceOutcome][], resume: string): string[] {
  const stopped = entries.filter(([, o]) => o.status === 'stopped');
  const lost = stopped.flatMap(([s, o]) => {
    const code = LOST_CONNECTION.exec(o.reason ?? '')?.[1];
    return code ? [`${SOURCE_LABELS[s]} (${code})`] : [];
  });
  const others = stopped
    .filter(([, o]) => !LOST_CONNECTION.test(o.reason ?? ''))
    .map(([s, o]) => stoppedPhrase(s, o, resume));
  if (lost.length === 0) return others;
  const back = lost.length === 1 ? 'it is back' : 'they are back';
  return [`lost the connection to ${lost.join(' and to ')}; ${resume} when ${back}`, ...others];
}

/** "Stack Overflow's daily quota is spent; resume after 00:00 UTC". */
function stoppedPhrase(source: SourceId, outcome: SourceOutcome, resume: string): string {
  const reason = outcome.reason ?? '';
  const limit = /^(.+?) spent\b/.exec(reason)?.[1];
  const what = limit
    ? `${SOURCE_LABELS[source]}'s ${limit} is spent`
    : `${SOURCE_LABELS[source]} was stopped by a limit${reason ? ` (${reason})` : ''}`;
  return outcome.resumeAt ? `${what}; ${resume} after ${clock(outcome.resumeAt)}` : what;
}

/** "interrupted: Disk full at PATH; make room, then resume", or why storage stopped it; or "interrupted". */
function interruptedPhrase(entries: [SourceId, SourceOutcome][], resume: string): string {
  const reason = entries.find(([, o]) => o.status === 'stopped' && o.reason)?.[1].reason;
  if (!reason) return 'interrupted';
  const full = DISK_FULL.exec(reason)?.[1];
  return `interrupted: ${full ? `Disk full at ${full}; make room, then ${resume}` : reason}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The run's outcome in one sentence, for the Dashboard, the run history, the run page and the CLI's last
 * line: "completed", "completed with 1 source failed", "stopped: Stack Overflow's daily quota is spent;
 * resume after 00:00 UTC", "failed: both sources failed", "cancelled", "interrupted: Disk full at PATH;
 * make room, then resume". `resume` is how the reader resumes (the CLI: "`collect --resume`").
 */
export function describeRunOutcome(
  status: RunStatus,
  sources: Partial<Record<SourceId, SourceOutcome>>,
  resume = 'resume',
): string {
  const entries = Object.entries(sources) as [SourceId, SourceOutcome][];
  const failed = entries.filter(([, o]) => o.status === 'failed');
  const stopped = stoppedPhrases(entries, resume);
  switch (status) {
    case 'partial':
      return [`completed with ${plural(failed.length, 'source')} failed`, ...stopped].join('; ');
    case 'stopped':
      return `stopped: ${stopped.join('; ')}`;
    case 'failed':
      if (failed.length === 0) return 'failed';
      if (failed.length > 1)
        return `failed: ${failed.length === 2 ? 'both' : `all ${failed.length}`} sources failed`;
      return `failed: ${SOURCE_LABELS[failed[0][0]]} failed${failed[0][1].reason ? ` (${failed[0][1].reason})` : ''}`;
    case 'interrupted':
      return interruptedPhrase(entries, resume);
    default:
      return status;
  }
}

/** How each source of a live or final snapshot stands, as the run history records it. */
export function sourceOutcomesOf(sources: RunSnapshot['sources']): Partial<Record<SourceId, SourceOutcome>> {
  return Object.fromEntries(
    Object.values(sources).map((m) => [
      m!.source,
      {
        status: m!.status,
        ...(m!.reason ? { reason: m!.reason } : {}),
        ...(m!.resumeAt ? { resumeAt: m!.resumeAt } : {}),
      },
    ]),
  );
}

/** The outcome sentence of a run snapshot (the final one, or a live one: "running"). */
export const describeSnapshotOutcome = (snapshot: RunSnapshot, resume?: string) =>
  describeRunOutcome(snapshot.status, sourceOutcomesOf(snapshot.sources), resume);
