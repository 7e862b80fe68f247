import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../../shared/events.ts';
import type { RunSnapshot, RunState, RunSummary } from '../../../shared/runsContract.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { api, useAppEvents } from './api.ts';

export type RatePoint = { t: number; rates: Partial<Record<SourceId, number>> };
const MAX_POINTS = 240;
/** How often a run of another process (which sends this window no events) is looked at again. */
const ELSEWHERE_POLL_MS = 3_000;

const loadRunState = () => Promise.all([api.getRunState(), api.listRuns(20)]);

/**
 * The Dashboard's live view: the current run's snapshot (pushed by the main process as events), the
 * items/s series for the chart, the interrupted run on offer, a run another process is running on the same
 * data folder, and the run history.
 */
export function useRunState() {
  const [snapshot, setSnapshot] = useState<RunSnapshot | null>(null);
  const [interrupted, setInterrupted] = useState<RunSummary | null>(null);
  const [elsewhere, setElsewhere] = useState<RunState['elsewhere']>(null);
  const [history, setHistory] = useState<RunSummary[]>([]);
  const [series, setSeries] = useState<RatePoint[]>([]);
  /** Whether the run state has been read once (before that, no empty state is shown). */
  const [loaded, setLoaded] = useState(false);
  const lastStatus = useRef<string | undefined>(undefined);

  const apply = useCallback(([state, runs]: [RunState, RunSummary[]]) => {
    setSnapshot(state.current);
    setInterrupted(state.interrupted);
    setElsewhere(state.elsewhere);
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

  // Another process's run ends without telling this window: look again until it has.
  useEffect(() => {
    if (!elsewhere) return;
    const timer = setInterval(() => void refresh().catch(console.error), ELSEWHERE_POLL_MS);
    return () => clearInterval(timer);
  }, [elsewhere, refresh]);

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

  return {
    snapshot,
    interrupted,
    elsewhere,
    history,
    series,
    loaded,
    refresh,
    resetSeries: () => setSeries([]),
  };
}
