import type { CollectorEvent, SourceProgress } from '../../../shared/collectorEvents.ts';

/**
 * Emits a collector's progress at most once per interval (about 4 a second by default) plus a final one,
 * each a copy the listener may keep. An update that comes too soon is sent at the end of the interval
 * instead of dropped: a batch stored just before a long wait (a throttle, a download) shows at once.
 */
export function progressReporter(
  emit: (event: CollectorEvent) => void,
  snapshot: () => SourceProgress,
  intervalMs = 250,
) {
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(trailing);
    trailing = undefined;
    last = Date.now();
    emit({ type: 'progress', progress: structuredClone(snapshot()) });
  };
  return {
    tick(): void {
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) send();
      else if (!trailing) trailing = setTimeout(send, wait).unref();
    },
    final: send,
  };
}
