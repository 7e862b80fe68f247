import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { SOURCE_LABELS } from '../../../../shared/runOutcome.ts';
import type { RunSummary } from '../../../../shared/runsContract.ts';
import type { SourceId } from '../../../../shared/settings.ts';
import { hashOf } from '../../hooks/routes.ts';
import { asSentence, itemCounts, time } from './format.ts';
import { RUN_STATUS_COLOR, runDuration } from './RunHistory.tsx';

/** After a restart there is no live run: the newest run from the history, in words. */
export function LastRun({ run }: { run: RunSummary }) {
  return (
    <Paper withBorder p="md" data-testid="last-run">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={3} size="h4">
              Last run: #{run.id}
            </Title>
            <Badge color={RUN_STATUS_COLOR[run.status]}>{run.status}</Badge>
          </Group>
          <Text size="sm" mt={4} fw={600}>
            {asSentence(run.outcome)}
          </Text>
          <Text size="sm" c="dimmed">
            Started {time(run.startedAt)}, {run.endedAt ? `took ${runDuration(run)}` : 'not finished yet'}.
          </Text>
        </div>
        <Anchor href={hashOf({ page: 'run', runId: run.id })}>Open run #{run.id}</Anchor>
      </Group>
      <Stack gap={2} mt="sm">
        {(Object.entries(run.counts) as [SourceId, NonNullable<RunSummary['counts'][SourceId]>][]).map(
          ([source, c]) => (
            <Text size="sm" key={source}>
              <b>{SOURCE_LABELS[source]}</b>
              {run.sources[source] ? ` (${run.sources[source]!.status})` : ''}: {itemCounts(c)}
              {run.sources[source]?.reason ? ` — ${run.sources[source]!.reason}` : ''}
            </Text>
          ),
        )}
      </Stack>
    </Paper>
  );
}
