import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { RunStatus, RunSummary } from '../../../../shared/runsContract.ts';
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

function stored(run: RunSummary): number {
  return Object.values(run.counts).reduce((n, c) => n + (c?.inserted ?? 0) + (c?.updated ?? 0), 0);
}

export function RunHistory({ runs }: { runs: RunSummary[] }) {
  return (
    <Paper withBorder p="md" component="section" aria-label="Run history">
      <Title order={4} mb="xs">
        Run history
      </Title>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          Finished runs appear here with their outcome and counts.
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="run-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th ta="right">Items stored</Table.Th>
              <Table.Th ta="right">Errors</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>{run.id}</Table.Td>
                <Table.Td>{time(run.startedAt)}</Table.Td>
                <Table.Td>
                  {run.endedAt ? duration((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000) : '—'}
                </Table.Td>
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
                  {run.endedAt ? number(stored(run)) : '—'}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" title={run.errors.slice(-3).join('\n')}>
                  {number(run.errors.length)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
