import type { CollectorEvent, SourceProgress } from '../../../shared/events.ts';

/** Emits a copy of the progress at most every `intervalMs` (about 4 a second by default), plus a final one. */
export function progressTicker(
  progress: SourceProgress,
  emit: (event: CollectorEvent) => void,
  intervalMs = 250,
): { tick(): void; final(): void } {
  let last = 0;
  const send = () => {
    last = Date.now();
    emit({ type: 'progress', progress: structuredClone(progress) });
  };
  return {
    tick: () => {
      if (Date.now() - last >= intervalMs) send();
    },
    final: send,
  };
}
