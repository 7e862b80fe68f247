/** The chart's time axis spans at least this long, so a run of a few seconds has readable ticks. */
export const MIN_SPAN_SECONDS = 60;

/**
 * The x range (Unix seconds) of the items/s chart: the points' span, widened to a minute, or the last
 * minute when there are no points (uPlot would otherwise spread one point over years).
 */
export function timeRange(min: number | null, max: number | null, now = Date.now() / 1000): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max))
    return [now - MIN_SPAN_SECONDS, now];
  return [min, Math.max(max, min + MIN_SPAN_SECONDS)];
}
