import type { CollectorEvent, SourceProgress } from '../../../shared/events.ts';

/** Emits progress at most once per interval (plus a final one), each a copy the listener may keep. */
export function progressReporter(
  emit: (event: CollectorEvent) => void,
  snapshot: () => SourceProgress,
  intervalMs: number,
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
