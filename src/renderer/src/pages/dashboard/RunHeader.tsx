import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import { describeSnapshotOutcome } from '../../../../shared/runOutcome.ts';
import type { RunSnapshot } from '../../../../shared/runsContract.ts';
import { hashOf } from '../../hooks/routes.ts';
import { asSentence, counted, duration, itemCounts, number, rate } from './format.ts';
import { RUN_STATUS_COLOR } from './RunHistory.tsx';
import { useElapsed } from './useCountdown.ts';

/** The current (or just finished) run: its outcome in words, and its totals. */
export function RunHeader({ snapshot }: { snapshot: RunSnapshot }) {
  const seconds = useElapsed(snapshot.startedAt, snapshot.endedAt);
  const outcome = describeSnapshotOutcome(snapshot);
  const items = Object.values(snapshot.sources).reduce(
    (n, m) => ({
      inserted: n.inserted + m!.progress.items.inserted,
      updated: n.updated + m!.progress.items.updated,
      unchanged: n.unchanged + m!.progress.items.unchanged,
    }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
  const failed = Object.values(snapshot.sources).filter((m) => m!.status === 'failed').length;
  return (
    <Paper withBorder p="md" data-testid="run-totals">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={3} size="h4">
              Run #{snapshot.runId}
            </Title>
            <Badge color={RUN_STATUS_COLOR[snapshot.status]} data-testid="run-status">
              {snapshot.status}
            </Badge>
            {snapshot.endedAt && (
              <Anchor href={hashOf({ page: 'run', runId: snapshot.runId })} size="sm">
                Open the run’s page
              </Anchor>
            )}
          </Group>
          <Text size="sm" mt={4} fw={600} data-testid="run-outcome-sentence">
            {asSentence(outcome)}
          </Text>
          <Text size="sm" c="dimmed" data-testid="run-items">
            {itemCounts(items)}
          </Text>
        </div>
        <Group gap="xl">
          <Text size="sm">
            <b data-testid="total-items">{number(snapshot.totals.itemsStored)}</b> items stored
          </Text>
          <Text size="sm">
            <b>{rate(snapshot.totals.itemsPerSecond)}</b> items/s
          </Text>
          <Text size="sm">
            <b>{number(snapshot.totals.requests)}</b> requests
          </Text>
          <Text size="sm" c={failed + snapshot.totals.errors > 0 ? 'red' : undefined}>
            <b data-testid="total-errors">{number(snapshot.totals.errors + failed)}</b>{' '}
            {snapshot.totals.errors + failed === 1 ? 'error' : 'errors'}
            {failed > 0 ? ` (${counted(failed, 'sources')} failed)` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {duration(seconds)}
          </Text>
        </Group>
      </Group>
    </Paper>
  );
}
