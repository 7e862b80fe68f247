import type { DiscoveredRepo, SearchCursor } from './repoDiscovery.ts';

type Found = { name: string; cursor: SearchCursor; finished: boolean };

/**
 * The search positions a resumed run may start from: per stream, the cursor of the earliest repository
 * found but not yet finished (repositories finish out of order, several at a time), or of the last one
 * finished when none is pending.
 */
export function createDiscoveryCursors(initial: readonly (SearchCursor | null)[] = []) {
  const pending = new Map<number, Found[]>();
  const settled: (SearchCursor | null)[] = [...initial];
  const list = (stream: number) => pending.get(stream) ?? pending.set(stream, []).get(stream)!;
  return {
    found(d: DiscoveredRepo): void {
      list(d.stream).push({ name: d.repo.full_name, cursor: d.cursor, finished: false });
    },
    finished(d: DiscoveredRepo): void {
      const found = list(d.stream);
      const entry = found.find((f) => f.name === d.repo.full_name && !f.finished);
      if (entry) entry.finished = true;
      while (found[0]?.finished) settled[d.stream] = found.shift()!.cursor;
    },
    /** JSON-ready: null for a stream with nothing known. */
    cursors(): (SearchCursor | null)[] {
      const streams = Math.max(settled.length, ...[...pending.keys()].map((k) => k + 1));
      return Array.from({ length: streams }, (_, i) => pending.get(i)?.[0]?.cursor ?? settled[i] ?? null);
    },
  };
}
