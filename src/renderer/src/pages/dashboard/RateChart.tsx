import 'uplot/dist/uPlot.min.css';
import { Group, Paper, Text, Title, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { RatePoint } from '../../hooks/useRunState.ts';
import { timeRange } from './chartScale.ts';

const SERIES = [
  { key: 'github', label: 'GitHub', color: 'teal' },
  { key: 'stackoverflow', label: 'Stack Overflow', color: 'orange' },
] as const;

const clock = (seconds: number) =>
  new Date(seconds * 1000).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** Items per second per source, live; uPlot redraws thousands of points cheaply. */
export function RateChart({ points }: { points: RatePoint[] }) {
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme('dark');
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const lineColor = (c: (typeof SERIES)[number]['color']) => theme.colors[c][scheme === 'dark' ? 5 : 9];

  useEffect(() => {
    if (!box.current) return;
    const dark = scheme === 'dark';
    const axis = {
      stroke: dark ? theme.colors.dark[1] : theme.colors.gray[8],
      grid: { stroke: dark ? theme.colors.dark[4] : theme.colors.gray[3], width: 1 },
      ticks: { show: false },
    };
    plot.current = new uPlot(
      {
        width: box.current.clientWidth || 600,
        height: 180,
        scales: {
          x: { time: true, range: (_u, min, max) => timeRange(min, max) },
          y: { range: (_u, _min, max) => [0, Math.max(1, (max ?? 0) * 1.15)] },
        },
        axes: [
          { ...axis, values: (_u, splits) => splits.map(clock) },
          { ...axis, label: 'items/s' },
        ],
        series: [
          {},
          ...SERIES.map((s) => ({
            label: s.label,
            stroke: lineColor(s.color),
            width: 2,
            points: { show: false },
          })),
        ],
        // The legend is our own, below: uPlot's reads "--" for every value until hovered.
        legend: { show: false },
        hooks: {
          // The time span shown, for the e2e to check the axis is minutes, not years.
          setScale: [
            (u, key) => {
              if (key === 'x' && box.current)
                box.current.dataset.xSpan = String((u.scales.x.max ?? 0) - (u.scales.x.min ?? 0));
            },
          ],
        },
      },
      [[], [], []],
      box.current,
    );
    const observer = new ResizeObserver(() => {
      if (box.current && plot.current) plot.current.setSize({ width: box.current.clientWidth, height: 180 });
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lineColor is derived from theme and scheme
  }, [theme, scheme]);

  useEffect(() => {
    plot.current?.setData([
      points.map((p) => p.t),
      ...SERIES.map((s) => points.map((p) => p.rates[s.key] ?? null)),
    ]);
  }, [points]);

  const latest = points.at(-1);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rate-title">
      <Title order={3} size="h4" id="rate-title">
        Items per second
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Over the last minutes of the current run, per source.
      </Text>
      {points.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="rate-chart-empty">
          No live figures for this run: they are drawn while a run goes in this window.
        </Text>
      )}
      <div ref={box} data-testid="rate-chart" role="img" aria-label="Items per second per source over time" />
      <Group gap="lg" mt="xs" data-testid="rate-legend">
        {SERIES.map((s) => (
          <Group key={s.key} gap={6}>
            <span
              aria-hidden
              style={{ width: 14, height: 3, background: lineColor(s.color), display: 'inline-block' }}
            />
            <Text size="sm">
              {s.label}
              {latest?.rates[s.key] !== undefined ? `: ${latest.rates[s.key]!.toFixed(1)}/s now` : ''}
            </Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}
