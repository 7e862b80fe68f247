import type { CollectorEvent, SourceProgress } from '../../../shared/collectorEvents.ts';
import type { SourceMetrics, SourceStatus } from '../../../shared/runsContract.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { SOURCE_REGISTRY } from '../collectors/sources.ts';

const RATE_WINDOW_MS = 5_000;
const RECENT_ERRORS = 5;

export function emptyProgress(source: SourceId, total: number): SourceProgress {
  return {
    source,
    phase: 'waiting to start',
    done: 0,
    total,
    unit: SOURCE_REGISTRY[source].unit,
    items: { inserted: 0, updated: 0, unchanged: 0, duplicates: 0 },
    skips: {},
    errors: 0,
    requests: 0,
  };
}

const stored = (p: SourceProgress) => p.items.inserted + p.items.updated;

/**
 * Folds one source's collector events into the figures the Dashboard shows: items/s now (over the last
 * five seconds) and on average, success rate, latest errors, the wait in progress and an ETA.
 */
export function createSourceMetrics(source: SourceId, total: number, now: () => number = Date.now) {
  let status: SourceStatus = 'pending';
  let reason: string | undefined;
  let resumeAt: string | undefined;
  let progress = emptyProgress(source, total);
  let wait: SourceMetrics['wait'];
  const notices: string[] = [];
  let waits = 0;
  let startedAt: number | undefined;
  let endedAt: number | undefined;
  const recentErrors: SourceMetrics['recentErrors'] = [];
  /** (time, items stored) samples for the moving rate. */
  const samples: [number, number][] = [];
  /** Stored before this run began (a resumed run starts from its checkpoint's counts). */
  let baseline = 0;

  function ratePerSecond(): number {
    const t = now();
    while (samples.length > 1 && samples[0][0] < t - RATE_WINDOW_MS) samples.shift();
    if (samples.length < 2) return 0;
    const [t0, n0] = samples[0];
    const [t1, n1] = samples[samples.length - 1];
    return t1 > t0 ? ((n1 - n0) * 1000) / Math.max(t - t0, t1 - t0) : 0;
  }

  return {
    setStatus(next: SourceStatus, why?: string, until?: string) {
      status = next;
      if (why !== undefined) reason = why;
      resumeAt = until;
      if (next === 'running' && startedAt === undefined) {
        startedAt = now();
        baseline = stored(progress);
        samples.push([startedAt, stored(progress)]);
      }
      if (['completed', 'stopped', 'failed', 'cancelled', 'skipped'].includes(next)) {
        endedAt = now();
        wait = undefined;
      }
    },
    get status() {
      return status;
    },
    /** The figures a resumed run starts from (its checkpoint's). */
    restore(saved: Pick<SourceProgress, 'done' | 'items' | 'skips' | 'errors'>) {
      progress = { ...progress, ...saved };
    },
    apply(event: CollectorEvent) {
      switch (event.type) {
        case 'progress':
          progress = event.progress;
          samples.push([now(), stored(progress)]);
          if (wait && Date.parse(wait.until) <= now()) wait = undefined;
          if (status === 'waiting' && !wait) status = 'running';
          break;
        case 'wait':
          waits++;
          wait = { reason: event.reason, until: event.until };
          if (status === 'running') status = 'waiting';
          break;
        case 'error':
          recentErrors.push({ at: new Date(now()).toISOString(), message: event.message });
          if (recentErrors.length > RECENT_ERRORS) recentErrors.shift();
          break;
        case 'notice':
          if (!notices.includes(event.message)) notices.push(event.message);
          break;
        case 'skip':
          break;
      }
    },
    snapshot(paused: boolean): SourceMetrics {
      const t = endedAt ?? now();
      if (wait && Date.parse(wait.until) <= t) {
        wait = undefined;
        if (status === 'waiting') status = 'running';
      }
      const elapsed = startedAt === undefined ? 0 : (t - startedAt) / 1000;
      const itemsPerSecondNow = endedAt === undefined ? ratePerSecond() : 0;
      const unitsDone = progress.done;
      const attempted = unitsDone + progress.errors;
      const unitsPerSecond = elapsed > 0 ? unitsDone / elapsed : 0;
      const left = Math.max(0, progress.total - unitsDone);
      const live = ['running', 'waiting'].includes(status);
      const held = live || status === 'checking' || status === 'pending';
      return {
        source,
        status: paused && held ? 'paused' : status,
        reason,
        ...(resumeAt ? { resumeAt } : {}),
        progress,
        itemsPerSecondNow,
        itemsPerSecondAverage: elapsed > 0 ? (stored(progress) - baseline) / elapsed : 0,
        successRate: attempted > 0 ? unitsDone / attempted : 1,
        recentErrors: [...recentErrors],
        wait,
        ...(notices.length > 0 ? { notices: [...notices] } : {}),
        waits,
        etaSeconds: live && unitsPerSecond > 0 ? Math.round(left / unitsPerSecond) : undefined,
      };
    },
  };
}
export type SourceMetricsTracker = ReturnType<typeof createSourceMetrics>;
