import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Search } from 'lucide-react';
import { useState } from 'react';
import { SOURCE_LABELS } from '../../../../shared/runOutcome.ts';
import type { SkipReasonCount } from '../../../../shared/runsContract.ts';
import type { SourceId } from '../../../../shared/settings.ts';
import { skipReasonWords } from '../../../../shared/skipReasons.ts';
import { useApiQuery } from '../../hooks/api.ts';
import { number } from '../dashboard/format.ts';

const PAGE = 50;
const reasonKey = (r: Pick<SkipReasonCount, 'source' | 'reason'>) => `${r.source}:${r.reason}`;

/** Skips by reason, and "why was this skipped?": the paths and questions behind each, filterable. */
export function SkipBrowser(props: { runId: number; reasons: SkipReasonCount[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [words] = useDebouncedValue(text.trim(), 150);
  const [limit, setLimit] = useState(PAGE);
  const reason = props.reasons.find((r) => reasonKey(r) === chosen);
  const page = useApiQuery('listSkips', props.runId, {
    ...(reason ? { source: reason.source, reason: reason.reason } : {}),
    ...(words ? { text: words } : {}),
    offset: 0,
    limit,
  });
  const choose = (key: string | null) => {
    setChosen(key);
    setLimit(PAGE);
  };
  const total = props.reasons.reduce((n, r) => n + r.count, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="run-skips">
      <Title order={3} size="h4" id="run-skips" mb="xs">
        Skipped: {number(total)}
      </Title>
      {props.reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing was skipped in this run.
        </Text>
      ) : (
        <>
          <Table data-testid="skip-reasons" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Source</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Count</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.reasons.map((r) => (
                <Table.Tr key={reasonKey(r)}>
                  <Table.Td>{SOURCE_LABELS[r.source as SourceId] ?? r.source}</Table.Td>
                  <Table.Td>{skipReasonWords(r.reason)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {number(r.count)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => choose(reasonKey(r))}
                      aria-label={`Show what was skipped as ${skipReasonWords(r.reason)}`}
                    >
                      Show
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={4} size="h5" mt="md" mb="xs">
            Why was this skipped?
          </Title>
          <Group align="flex-end" mb="sm">
            <TextInput
              label="Find a path or question"
              placeholder="e.g. vendor/ or question 123"
              leftSection={<Search size={14} aria-hidden />}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setLimit(PAGE);
              }}
              data-testid="skip-search"
              style={{ flex: 1 }}
            />
            <Select
              label="Reason"
              placeholder="Every reason"
              clearable
              value={chosen}
              onChange={choose}
              data={props.reasons.map((r) => ({
                value: reasonKey(r),
                label: `${SOURCE_LABELS[r.source as SourceId] ?? r.source}: ${skipReasonWords(r.reason)}`,
              }))}
              data-testid="skip-reason"
              w={380}
            />
          </Group>
          {page.data && (
            <>
              <Text size="sm" c="dimmed" mb={4} data-testid="skip-count" aria-live="polite">
                {page.data.total === 0
                  ? 'Nothing skipped matches.'
                  : `Showing ${number(page.data.rows.length)} of ${number(page.data.total)}`}
              </Text>
              {page.data.rows.length > 0 && (
                <Table.ScrollContainer minWidth={600}>
                  <Table data-testid="skip-rows" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>What</Table.Th>
                        <Table.Th>Why</Table.Th>
                        <Table.Th>Detail</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {page.data.rows.map((row) => (
                        <Table.Tr key={row.id}>
                          <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                            {row.subject}
                          </Table.Td>
                          <Table.Td>{skipReasonWords(row.reason)}</Table.Td>
                          <Table.Td>{row.detail ?? ''}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {page.data.rows.length < page.data.total && (
                <Button variant="default" size="xs" mt="sm" onClick={() => setLimit((n) => n + PAGE)}>
                  Show {PAGE} more
                </Button>
              )}
            </>
          )}
        </>
      )}
    </Paper>
  );
}
