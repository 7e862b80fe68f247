import 'uplot/dist/uPlot.min.css';
import { Paper, Text, Title, useMantineTheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { RatePoint } from '../../hooks/useRunState.ts';

const SERIES = [
  { key: 'github', label: 'GitHub', color: 'teal' },
  { key: 'stackoverflow', label: 'Stack Overflow', color: 'orange' },
] as const;

/** Items per second per source, live; uPlot redraws thousands of points cheaply. */
export function RateChart({ points }: { points: RatePoint[] }) {
  const theme = useMantineTheme();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const axis = { stroke: theme.colors.gray[5], grid: { stroke: theme.colors.dark[4], width: 1 } };
    plot.current = new uPlot(
      {
        width: box.current.clientWidth || 600,
        height: 180,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] } },
        axes: [axis, { ...axis, label: 'items/s' }],
        series: [
          {},
          ...SERIES.map((s) => ({
            label: s.label,
            stroke: theme.colors[s.color][5],
            width: 2,
            points: { show: false },
          })),
        ],
        legend: { show: true },
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
  }, [theme]);

  useEffect(() => {
    plot.current?.setData([
      points.map((p) => p.t),
      ...SERIES.map((s) => points.map((p) => p.rates[s.key] ?? null)),
    ]);
  }, [points]);

  return (
    <Paper withBorder p="md" component="section" aria-label="Items per second">
      <Title order={4}>Items per second</Title>
      <Text size="xs" c="dimmed" mb="xs">
        Over the last minutes of the current run, per source.
      </Text>
      <div ref={box} data-testid="rate-chart" />
    </Paper>
  );
}
