import { useCallback, useEffect, useState } from 'react';
import type { Api, Channel } from '../../../shared/api.ts';
import type { AppEvent } from '../../../shared/events.ts';

type Result<C extends Channel> = Awaited<ReturnType<Api[C]>>;

/** The contract as the renderer sees it: the preload's (or the test bridge's) window.api. */
export const api = window.api;

/** Calls one Api method on mount (and again on reload()), with loading and error state. */
export function useApiQuery<C extends Channel>(channel: C, ...args: Parameters<Api[C]>) {
  const [state, setState] = useState<{ data?: Result<C>; error?: string; loading: boolean }>({
    loading: true,
  });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(args);
  useEffect(() => {
    let live = true;
    const call = api[channel] as (...a: unknown[]) => Promise<Result<C>>;
    call(...(JSON.parse(key) as unknown[])).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [channel, key, version]);
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    setVersion((v) => v + 1);
  }, []);
  return { ...state, reload };
}

/** Calls an Api method on demand, tracking whether it is running. */
export function useApiAction<C extends Channel>(channel: C) {
  const [running, setRunning] = useState(false);
  const run = useCallback(
    async (...args: Parameters<Api[C]>): Promise<Result<C>> => {
      setRunning(true);
      try {
        return await (api[channel] as (...a: unknown[]) => Promise<Result<C>>)(...args);
      } finally {
        setRunning(false);
      }
    },
    [channel],
  );
  return { run, running };
}

/** Subscribes to the main process's events for the lifetime of the component. */
export function useAppEvents(listener: (event: AppEvent) => void) {
  useEffect(() => api.onEvent(listener), [listener]);
}
