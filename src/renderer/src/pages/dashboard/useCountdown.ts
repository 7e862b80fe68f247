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

/** Seconds left until `until` (ISO), ticking once a second; undefined without a target. */
export function useCountdown(until: string | undefined): number | undefined {
  const now = useNow(until !== undefined);
  return until ? Math.max(0, (Date.parse(until) - now) / 1000) : undefined;
}

/** Seconds from `start` to `end`, or to now (ticking) while there is no end. */
export function useElapsed(start: string, end: string | undefined): number {
  const now = useNow(end === undefined);
  return ((end ? Date.parse(end) : now) - Date.parse(start)) / 1000;
}
