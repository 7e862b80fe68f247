import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { RunStatus, RunSummary } from '../../../../shared/runsContract.ts';
import { hashOf } from '../../hooks/routes.ts';
import { duration, number, time } from './format.ts';

export const RUN_STATUS_COLOR: Record<RunStatus, string> = {
  running: 'teal',
  paused: 'orange',
  completed: 'green',
  partial: 'orange',
  stopped: 'yellow',
  cancelled: 'gray',
  failed: 'red',
  interrupted: 'yellow',
};

/** A run's items summed over its sources. */
export function runTotals(run: RunSummary) {
  const all = Object.values(run.counts);
  const sum = (k: 'inserted' | 'updated' | 'unchanged' | 'skips') =>
    all.reduce((n, c) => n + (c?.[k] ?? 0), 0);
  return {
    inserted: sum('inserted'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    skips: sum('skips'),
  };
}

export const runDuration = (run: RunSummary) =>
  run.endedAt ? duration((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000) : '—';

/** Every run with its outcome and counts; a row opens the run's page. */
export function RunHistory({ runs }: { runs: RunSummary[] }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Title order={3} size="h4" mb="xs" id="history-title">
        Run history
      </Title>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          Finished runs appear here with their outcome and counts.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="run-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Run</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Duration</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th ta="right">New</Table.Th>
                <Table.Th ta="right">Updated</Table.Th>
                <Table.Th ta="right">Unchanged</Table.Th>
                <Table.Th ta="right">Errors</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((run) => {
                const totals = runTotals(run);
                const open = () => (window.location.hash = hashOf({ page: 'run', runId: run.id }));
                return (
                  <Table.Tr
                    key={run.id}
                    onClick={open}
                    style={{ cursor: 'pointer' }}
                    data-testid={`run-row-${run.id}`}
                  >
                    <Table.Td>
                      <Anchor
                        href={hashOf({ page: 'run', runId: run.id })}
                        onClick={(e) => e.stopPropagation()}
                        aria-label={`Open run #${run.id}`}
                      >
                        #{run.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{time(run.startedAt)}</Table.Td>
                    <Table.Td>{runDuration(run)}</Table.Td>
                    <Table.Td>
                      <Badge color={RUN_STATUS_COLOR[run.status]} variant="light">
                        {run.status}
                      </Badge>
                      {run.outcome !== run.status && (
                        <Text size="xs" c="dimmed" data-testid="run-outcome">
                          {run.outcome}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {run.endedAt ? number(totals.inserted) : '—'}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {run.endedAt ? number(totals.updated) : '—'}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {run.endedAt ? number(totals.unchanged) : '—'}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {number(run.errors.length)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
