import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../../shared/events.ts';
import type { RunSnapshot, RunState, RunSummary } from '../../../shared/runsContract.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { api, useAppEvents } from './api.ts';

export type RatePoint = { t: number; rates: Partial<Record<SourceId, number>> };
const MAX_POINTS = 240;

const loadRunState = () => Promise.all([api.getRunState(), api.listRuns(20)]);

/**
 * The Dashboard's live view: the current run's snapshot (pushed by the main process as events), the
 * items/s series for the chart, the interrupted run on offer and the run history.
 */
export function useRunState() {
  const [snapshot, setSnapshot] = useState<RunSnapshot | null>(null);
  const [interrupted, setInterrupted] = useState<RunSummary | null>(null);
  const [history, setHistory] = useState<RunSummary[]>([]);
  const [series, setSeries] = useState<RatePoint[]>([]);
  /** Whether the run state has been read once (before that, no empty state is shown). */
  const [loaded, setLoaded] = useState(false);
  const lastStatus = useRef<string | undefined>(undefined);

  const apply = useCallback(([state, runs]: [RunState, RunSummary[]]) => {
    setSnapshot(state.current);
    setInterrupted(state.interrupted);
    setHistory(runs);
    setLoaded(true);
  }, []);
  const refresh = useCallback(async () => apply(await loadRunState()), [apply]);

  useEffect(() => {
    let live = true;
    loadRunState().then((loaded) => live && apply(loaded), console.error);
    return () => {
      live = false;
    };
  }, [apply]);

  const onEvent = useCallback(
    (event: AppEvent) => {
      if (event.type !== 'run-metrics') return;
      const s = event.snapshot;
      setSnapshot(s);
      setSeries((points) => {
        const rates = Object.fromEntries(
          Object.entries(s.sources).map(([source, m]) => [source, m!.itemsPerSecondNow]),
        );
        const next = [...points, { t: Date.now() / 1000, rates }];
        return next.length > MAX_POINTS ? next.slice(next.length - MAX_POINTS) : next;
      });
      const ended = !['running', 'paused'].includes(s.status);
      if (ended && lastStatus.current !== s.status) void refresh();
      lastStatus.current = s.status;
    },
    [refresh],
  );
  useAppEvents(onEvent);

  return { snapshot, interrupted, history, series, loaded, refresh, resetSeries: () => setSeries([]) };
}
