import { useEffect, useState } from 'react';

/** The current time, ticking once a second while `ticking`. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/**
 * Seconds left until `until` (ISO), ticking once a second; undefined without a target. While `held`
 * (the run is paused) it stands still at what was left.
 */
export function useCountdown(until: string | undefined, held = false): number | undefined {
  const now = useNow(until !== undefined && !held);
  return until ? Math.max(0, (Date.parse(until) - now) / 1000) : undefined;
}

/** Seconds from `start` to `end`, or to now (ticking) while there is no end. */
export function useElapsed(start: string, end: string | undefined): number {
  const now = useNow(end === undefined);
  return ((end ? Date.parse(end) : now) - Date.parse(start)) / 1000;
}
