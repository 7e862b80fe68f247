import { Alert, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Hourglass } from 'lucide-react';
import type { SourceMetrics, SourceStatus } from '../../../../shared/runsContract.ts';
import { duration, number, rate } from './format.ts';
import { useCountdown } from './useCountdown.ts';

export const SOURCE_NAMES = { github: 'GitHub code', stackoverflow: 'Stack Overflow Q&A' } as const;

const STATUS_COLOR: Record<SourceStatus, string> = {
  pending: 'gray',
  checking: 'blue',
  running: 'teal',
  waiting: 'yellow',
  paused: 'orange',
  completed: 'green',
  stopped: 'yellow',
  failed: 'red',
  cancelled: 'gray',
  skipped: 'gray',
};

function Figure(props: { label: string; value: string; hint?: string }) {
  return (
    <Tooltip label={props.hint} disabled={!props.hint} withArrow>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {props.label}
        </Text>
        <Text fw={700} size="lg" ff="monospace">
          {props.value}
        </Text>
      </div>
    </Tooltip>
  );
}

/** One source of the run: status, progress bar, figures, quota and the wait in progress. */
export function SourceCard({ metrics }: { metrics: SourceMetrics }) {
  const p = metrics.progress;
  const percent = p.total > 0 ? Math.min(100, (p.done / p.total) * 100) : 0;
  const stored = p.items.inserted + p.items.updated;
  const waitLeft = useCountdown(metrics.wait?.until);
  const skips = Object.entries(p.skips).sort((a, b) => b[1] - a[1]);
  const live = ['running', 'waiting', 'checking'].includes(metrics.status);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={SOURCE_NAMES[metrics.source]}
      data-testid={`source-${metrics.source}`}
    >
      <Group justify="space-between" mb="xs">
        <Title order={4}>{SOURCE_NAMES[metrics.source]}</Title>
        <Badge color={STATUS_COLOR[metrics.status]} variant="light" data-testid={`status-${metrics.source}`}>
          {metrics.status}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb={6}>
        {metrics.reason ?? p.phase}
      </Text>
      <Progress
        value={percent}
        size="lg"
        animated={live}
        striped={live}
        aria-label={`${SOURCE_NAMES[metrics.source]} progress`}
        data-testid={`progress-${metrics.source}`}
        data-done={p.done}
      />
      <Group justify="space-between" mt={4} mb="sm">
        <Text size="xs" c="dimmed">
          {number(p.done)} of {number(p.total)} {p.unit}
        </Text>
        <Text size="xs" c="dimmed">
          {metrics.etaSeconds !== undefined ? `about ${duration(metrics.etaSeconds)} left` : ''}
        </Text>
      </Group>
      {metrics.wait && waitLeft !== undefined && waitLeft > 0 && (
        <Alert
          color="yellow"
          icon={<Hourglass size={16} />}
          py={6}
          mb="sm"
          data-testid={`wait-${metrics.source}`}
        >
          {metrics.wait.reason} — resuming in {duration(waitLeft)}
        </Alert>
      )}
      <SimpleGrid cols={3} spacing="sm">
        <Figure
          label="Items stored"
          value={number(stored)}
          hint={`${number(p.items.inserted)} new, ${number(p.items.updated)} updated, ${number(p.items.unchanged)} unchanged, ${number(p.items.duplicates)} duplicates`}
        />
        <Figure
          label="Items/s now"
          value={rate(metrics.itemsPerSecondNow)}
          hint={`average ${rate(metrics.itemsPerSecondAverage)}/s`}
        />
        <Figure label="Success" value={`${Math.round(metrics.successRate * 100)}%`} />
        <Figure
          label="Requests"
          value={number(p.requests)}
          hint={`${number(metrics.waits)} rate-limit waits so far`}
        />
        <Figure label="Errors" value={number(p.errors)} />
        <Figure label="Skipped" value={number(skips.reduce((n, [, c]) => n + c, 0))} />
      </SimpleGrid>
      {p.quota && p.quota.length > 0 && (
        <Stack gap={4} mt="sm">
          {p.quota.map((q) => (
            <Group key={q.name} gap="xs" wrap="nowrap">
              <Text size="xs" w={64} c="dimmed">
                {q.name}
              </Text>
              <Progress
                value={q.max > 0 ? (q.remaining / q.max) * 100 : 0}
                size="sm"
                style={{ flex: 1 }}
                color="blue"
              />
              <Text size="xs" ff="monospace" c="dimmed">
                {number(q.remaining)}/{number(q.max)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {skips.length > 0 && (
        <Group gap={6} mt="sm">
          {skips.slice(0, 6).map(([reason, count]) => (
            <Badge key={reason} variant="default" size="sm" tt="none">
              {reason.replace(/_/g, ' ')}: {number(count)}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
