import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ArrowLeft } from 'lucide-react';
import { SOURCE_LABELS } from '../../../shared/runOutcome.ts';
import type { RunDetails } from '../../../shared/runsContract.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { useApiQuery } from '../hooks/api.ts';
import { asSentence, itemCounts, number, time } from './dashboard/format.ts';
import { RUN_STATUS_COLOR, runDuration } from './dashboard/RunHistory.tsx';
import { STATUS_COLOR } from './dashboard/SourceCard.tsx';
import { SourceFailure } from './dashboard/SourceFailure.tsx';
import { RunSettings } from './run/RunSettings.tsx';
import { SkipBrowser } from './run/SkipBrowser.tsx';

/** One run: what it used, what each source did, its errors grouped, and why items were skipped. */
export function RunPage(props: { runId: number; onOpenSettings(field?: string): void }) {
  const query = useApiQuery('getRun', props.runId);
  return (
    <Stack gap="lg">
      <Anchor href="#/dashboard" size="sm">
        <Group gap={4}>
          <ArrowLeft size={14} aria-hidden /> Back to the Dashboard
        </Group>
      </Anchor>
      {query.error ? (
        <Alert color="red" title={`Run #${props.runId} could not be loaded`}>
          {query.error}
        </Alert>
      ) : query.loading && !query.data ? (
        <Loader aria-label="Loading the run" />
      ) : !query.data ? (
        <Alert color="yellow" title={`There is no run #${props.runId}`}>
          It may have been recorded in another data folder.
        </Alert>
      ) : (
        <RunDetailsView details={query.data} onOpenSettings={props.onOpenSettings} />
      )}
    </Stack>
  );
}

function RunDetailsView({
  details,
  onOpenSettings,
}: {
  details: RunDetails;
  onOpenSettings(field?: string): void;
}) {
  const run = details.summary;
  const sources = Object.keys({ ...run.counts, ...run.sources }) as SourceId[];
  const troubled = sources.filter((s) => ['failed', 'stopped'].includes(run.sources[s]?.status ?? ''));
  return (
    <>
      <div>
        <Group gap="sm">
          <Title order={2}>Run #{run.id}</Title>
          <Badge color={RUN_STATUS_COLOR[run.status]} size="lg" data-testid="run-page-status">
            {run.status}
          </Badge>
        </Group>
        <Text fw={600} mt={4} data-testid="run-page-outcome">
          {asSentence(run.outcome)}
        </Text>
        <Text size="sm" c="dimmed">
          Started {time(run.startedAt)}
          {run.endedAt ? `, ended ${time(run.endedAt)} (${runDuration(run)})` : ', still running'}.
        </Text>
      </div>
      {troubled.map((source) => (
        <SourceFailure
          key={source}
          source={source}
          outcome={run.sources[source]!}
          onOpenSettings={onOpenSettings}
        />
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby="run-sources">
        <Title order={3} size="h4" id="run-sources" mb="xs">
          Each source
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="run-page-sources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Source</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Items</Table.Th>
                <Table.Th ta="right">Skipped</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.map((source) => {
                const c = run.counts[source];
                const o = run.sources[source];
                return (
                  <Table.Tr key={source}>
                    <Table.Td fw={600}>{SOURCE_LABELS[source]}</Table.Td>
                    <Table.Td>
                      {o ? (
                        <Badge variant="light" color={STATUS_COLOR[o.status]}>
                          {o.status}
                        </Badge>
                      ) : (
                        '—'
                      )}
                      {o?.reason && (
                        <Text size="xs" c="dimmed">
                          {o.reason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c ? itemCounts(c) : '—'}</Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {c ? number(c.skips) : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="run-errors">
        <Title order={3} size="h4" id="run-errors" mb="xs">
          Errors
        </Title>
        {details.errors.length === 0 ? (
          <Text size="sm" c="dimmed">
            No errors in this run.
          </Text>
        ) : (
          <Table data-testid="run-page-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Source</Table.Th>
                <Table.Th>Message</Table.Th>
                <Table.Th ta="right">Times</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {details.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.source ? SOURCE_LABELS[e.source] : 'Run'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{e.message}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {number(e.count)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {details.errorsKept >= 50 && (
          <Text size="xs" c="dimmed" mt="xs">
            A run keeps its latest 50 error messages; the log file has every one.
          </Text>
        )}
      </Paper>
      <SkipBrowser runId={run.id} reasons={details.skips} />
      <RunSettings settings={details.settings} />
    </>
  );
}
