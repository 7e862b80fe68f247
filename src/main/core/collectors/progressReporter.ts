import type { CollectorEvent, SourceProgress } from '../../../shared/collectorEvents.ts';

/**
 * Emits a collector's progress at most once per interval (about 4 a second by default) plus a final one,
 * each a copy the listener may keep.
 */
export function progressReporter(
  emit: (event: CollectorEvent) => void,
  snapshot: () => SourceProgress,
  intervalMs = 250,
) {
  let last = 0;
  const send = () => emit({ type: 'progress', progress: structuredClone(snapshot()) });
  return {
    tick(): void {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      send();
    },
    final: send,
  };
}
