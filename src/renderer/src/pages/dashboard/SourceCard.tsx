import { Alert, Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Hourglass, Info } from 'lucide-react';
import type { SourceMetrics, SourceStatus } from '../../../../shared/runsContract.ts';
import { skipReasonWords } from '../../../../shared/skipReasons.ts';
import { duration, itemCounts, number, rate, whatItDid } from './format.ts';
import { useCountdown } from './useCountdown.ts';

export const SOURCE_NAMES = { github: 'GitHub code', stackoverflow: 'Stack Overflow Q&A' } as const;

export const STATUS_COLOR: Record<SourceStatus, string> = {
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

function Figure(props: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Tooltip label={props.hint} disabled={!props.hint} withArrow>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {props.label}
        </Text>
        <Text fw={700} size="lg" ff="monospace" data-testid={props.testId}>
          {props.value}
        </Text>
      </div>
    </Tooltip>
  );
}

/** Share of units that ended without an error, or "—" when none was attempted (a failed check). */
function successFigure(m: SourceMetrics): string {
  const attempted = m.progress.done + m.progress.errors;
  return attempted > 0 ? `${Math.round(m.successRate * 100)}%` : '—';
}

/**
 * One source of the run: status, why it ended so, what it says to know meanwhile (no token), progress,
 * figures, quota and the wait in progress.
 */
export function SourceCard({ metrics }: { metrics: SourceMetrics }) {
  const p = metrics.progress;
  const percent = p.total > 0 ? Math.min(100, (p.done / p.total) * 100) : 0;
  const paused = metrics.status === 'paused';
  const waitLeft = useCountdown(metrics.wait?.until, paused);
  const skips = Object.entries(p.skips).sort((a, b) => b[1] - a[1]);
  const live = ['running', 'waiting', 'checking'].includes(metrics.status);
  const ended = ['completed', 'stopped', 'failed', 'cancelled', 'skipped'].includes(metrics.status);
  const name = SOURCE_NAMES[metrics.source];
  const reasonColor = metrics.status === 'failed' ? 'red' : metrics.status === 'stopped' ? 'yellow' : 'blue';
  // The core says why a source ended short of its maximum; when it did not, the figures still must not
  // read as "57% done".
  const told = metrics.reason && metrics.reason !== metrics.status ? metrics.reason : undefined;
  const reason =
    told ??
    (metrics.status === 'completed' && p.done < p.total
      ? `No more ${p.unit} matched the settings: ${number(p.done)} of ${number(p.total)}`
      : undefined);
  return (
    <Paper withBorder p="md" component="section" aria-label={name} data-testid={`source-${metrics.source}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {name}
        </Title>
        <Badge color={STATUS_COLOR[metrics.status]} variant="light" data-testid={`status-${metrics.source}`}>
          {metrics.status}
        </Badge>
      </Group>
      {reason && ended ? (
        <Alert
          color={reasonColor}
          icon={<Info size={16} />}
          py={6}
          mb="sm"
          data-testid={`reason-${metrics.source}`}
        >
          {reason}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" mb={6}>
          {reason ?? p.phase}
        </Text>
      )}
      {metrics.notices?.map((notice) => (
        <Alert
          key={notice}
          color="yellow"
          icon={<Info size={16} />}
          py={6}
          mb="sm"
          data-testid={`notice-${metrics.source}`}
        >
          {notice}
        </Alert>
      ))}
      <Progress
        value={percent}
        size="lg"
        animated={live}
        striped={live}
        aria-label={`${name}: ${number(p.done)} of ${number(p.total)} ${p.unit}`}
        data-testid={`progress-${metrics.source}`}
        data-done={p.done}
      />
      <Group justify="space-between" mt={4} mb="sm">
        <Text size="xs" c="dimmed">
          {number(p.done)} of {number(p.total)} {p.unit}
        </Text>
        <Text size="xs" c="dimmed">
          {metrics.etaSeconds !== undefined && !paused ? `about ${duration(metrics.etaSeconds)} left` : ''}
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
          {metrics.wait.reason} —{' '}
          {paused ? `on hold while paused (${duration(waitLeft)} left)` : `resuming in ${duration(waitLeft)}`}
        </Alert>
      )}
      <Text size="sm" mb="xs" data-testid={`did-${metrics.source}`}>
        {whatItDid(p)}
      </Text>
      <SimpleGrid cols={4} spacing="sm">
        <Figure label="New" value={number(p.items.inserted)} testId={`new-${metrics.source}`} />
        <Figure label="Updated" value={number(p.items.updated)} testId={`updated-${metrics.source}`} />
        <Figure
          label="Unchanged"
          value={number(p.items.unchanged)}
          hint={itemCounts(p.items)}
          testId={`unchanged-${metrics.source}`}
        />
        <Figure
          label="Items/s now"
          value={rate(metrics.itemsPerSecondNow)}
          hint={`average ${rate(metrics.itemsPerSecondAverage)}/s`}
        />
        <Figure
          label="Success"
          value={successFigure(metrics)}
          hint={`${p.unit} that ended without an error`}
          testId={`success-${metrics.source}`}
        />
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
                aria-label={`${name}: ${q.name} quota, ${number(q.remaining)} of ${number(q.max)} left`}
              />
              <Text size="xs" ff="monospace" c="dimmed">
                {number(q.remaining)}/{number(q.max)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {skips.length > 0 && (
        <Group gap={6} mt="sm" aria-label="Skipped, by reason">
          {skips.slice(0, 6).map(([reason, count]) => (
            <Badge key={reason} variant="default" size="sm" tt="none">
              {skipReasonWords(reason)}: {number(count)}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
