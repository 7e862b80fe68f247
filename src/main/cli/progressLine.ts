import type { RunSnapshot, SourceMetrics } from '../../shared/runsContract.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

function sourcePart(m: SourceMetrics): string {
  const p = m.progress;
  const skips = Object.values(p.skips).reduce((a, b) => a + b, 0);
  const quota = (p.quota ?? []).map((q) => `${q.name} ${n(q.remaining)}/${n(q.max)}`).join(' ');
  const parts = [
    `${m.source} ${m.status}`,
    `${n(p.done)}/${n(p.total)} ${p.unit}`,
    `${n(p.items.inserted)} new ${n(p.items.updated)} upd ${n(p.items.unchanged)} same ${n(p.items.duplicates)} dup`,
    `${n(skips)} skips`,
    `${n(p.errors)} errors`,
    `${n(m.waits)} waits`,
    `${n(p.requests)} req`,
    quota && `quota ${quota}`,
  ];
  if (m.wait) {
    const left = Math.max(0, Math.round((Date.parse(m.wait.until) - Date.now()) / 1000));
    parts.push(`WAIT ${left}s: ${m.wait.reason}`);
  }
  if (m.reason && ['completed', 'stopped', 'failed', 'cancelled', 'skipped'].includes(m.status))
    parts.push(m.reason);
  return parts.filter(Boolean).join(', ');
}

/** One line per tick: elapsed time and each source's figures. */
export function progressLine(snapshot: RunSnapshot, now = Date.now()): string {
  const elapsed = Math.round(
    ((snapshot.endedAt ? Date.parse(snapshot.endedAt) : now) - Date.parse(snapshot.startedAt)) / 1000,
  );
  const sources = Object.values(snapshot.sources).map((m) => sourcePart(m!));
  return `[run ${snapshot.runId} ${snapshot.status} ${elapsed}s] ${sources.join(' | ')}`;
}
