import { Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { RunSnapshot } from '../../../../shared/runsContract.ts';
import { SOURCE_NAMES } from './SourceCard.tsx';

/** The latest errors of every source, newest first. */
export function ErrorsPanel({ snapshot }: { snapshot: RunSnapshot }) {
  const errors = Object.values(snapshot.sources)
    .flatMap((m) => m!.recentErrors.map((e) => ({ ...e, source: m!.source })))
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper withBorder p="md" component="section" aria-label="Errors">
      <Title order={4} mb="xs">
        Errors
      </Title>
      {errors.length === 0 ? (
        <Text size="sm" c="dimmed">
          No errors in this run.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={180}>
          <Stack gap={6}>
            {errors.map((e, i) => (
              <Text key={i} size="sm">
                <Text span c="dimmed" size="xs" ff="monospace">
                  {new Date(e.at).toLocaleTimeString('en-GB')}
                </Text>{' '}
                <Text span fw={600}>
                  {SOURCE_NAMES[e.source]}
                </Text>
                : {e.message}
              </Text>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
