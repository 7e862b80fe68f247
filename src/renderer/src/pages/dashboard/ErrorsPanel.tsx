import { Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { sourceOutcomesOf } from '../../../../shared/runOutcome.ts';
import type { RunSnapshot } from '../../../../shared/runsContract.ts';
import type { SourceId } from '../../../../shared/settings.ts';
import { SourceFailure } from './SourceFailure.tsx';
import { SOURCE_NAMES } from './SourceCard.tsx';

/** Sources that failed or stopped first, with what to do; then the latest errors, newest first. */
export function ErrorsPanel(props: { snapshot: RunSnapshot; onOpenSettings(field?: string): void }) {
  const { snapshot } = props;
  const outcomes = sourceOutcomesOf(snapshot.sources);
  const failures = (Object.keys(outcomes) as SourceId[]).filter((s) =>
    ['failed', 'stopped'].includes(outcomes[s]!.status),
  );
  const errors = Object.values(snapshot.sources)
    .flatMap((m) => m!.recentErrors.map((e) => ({ ...e, source: m!.source })))
    // A failure's own reason is said above, with what to do.
    .filter((e) => !failures.includes(e.source) || e.message !== outcomes[e.source]?.reason)
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="errors-title" data-testid="errors-panel">
      <Title order={3} size="h4" mb="xs" id="errors-title">
        Errors
      </Title>
      <Stack gap="sm">
        {failures.map((source) => (
          <SourceFailure
            key={source}
            source={source}
            outcome={outcomes[source]!}
            onOpenSettings={props.onOpenSettings}
          />
        ))}
        {errors.length === 0 && failures.length === 0 && (
          <Text size="sm" c="dimmed">
            No errors in this run.
          </Text>
        )}
        {errors.length > 0 && (
          <ScrollArea.Autosize mah={180}>
            <Stack gap={6}>
              {errors.map((e, i) => (
                <Text key={i} size="sm">
                  <Text span c="dimmed" size="xs" ff="monospace">
                    {new Date(e.at).toLocaleTimeString()}
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
      </Stack>
    </Paper>
  );
}
