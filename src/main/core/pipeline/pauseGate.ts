/** A gate every request of a run passes: open while running, closed while paused. */
export type PauseGate = {
  readonly paused: boolean;
  pause(): void;
  resume(): void;
  /** Resolves at once when open; otherwise when resumed. Rejects when the signal aborts. */
  wait(signal?: AbortSignal): Promise<void>;
};

export function createPauseGate(): PauseGate {
  let paused = false;
  let waiters: (() => void)[] = [];
  return {
    get paused() {
      return paused;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const ready = waiters;
      waiters = [];
      ready.forEach((wake) => wake());
    },
    wait(signal) {
      if (!paused) return Promise.resolve();
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          waiters = waiters.filter((w) => w !== wake);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        waiters.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
