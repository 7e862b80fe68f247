import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { History, Pause, Play, Rocket, Square } from 'lucide-react';
import { useState } from 'react';
import type { SourceId } from '../../../shared/settings.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { api, useApiQuery } from '../hooks/api.ts';
import { useRunState } from '../hooks/useRunState.ts';
import { ErrorsPanel } from './dashboard/ErrorsPanel.tsx';
import { duration, number, rate, time } from './dashboard/format.ts';
import { RateChart } from './dashboard/RateChart.tsx';
import { RUN_STATUS_COLOR, RunHistory } from './dashboard/RunHistory.tsx';
import { SourceCard } from './dashboard/SourceCard.tsx';
import { useElapsed } from './dashboard/useCountdown.ts';

const SOURCE_ORDER: SourceId[] = ['github', 'stackoverflow'];

function Elapsed(props: { start: string; end?: string }) {
  const seconds = useElapsed(props.start, props.end);
  return (
    <Text size="sm" c="dimmed">
      {duration(seconds)}
    </Text>
  );
}

export function DashboardPage(props: { onOpenSettings: () => void }) {
  const settings = useApiQuery('getSettings');
  const run = useRunState();
  const [busy, setBusy] = useState(false);
  const snapshot = run.snapshot;
  const active = snapshot?.status === 'running' || snapshot?.status === 'paused';

  async function act(what: () => Promise<unknown>, failure: string) {
    setBusy(true);
    try {
      await what();
    } catch (error) {
      notifications.show({
        color: 'red',
        title: failure,
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(false);
    }
  }
  const start = (resumeRunId?: number) =>
    act(async () => {
      run.resetSeries();
      await api.startRun({ resumeRunId });
      await run.refresh();
    }, 'The run could not start');

  const s = settings.data;
  const nothingEnabled = s && !s.pipeline.githubEnabled && !s.pipeline.stackoverflowEnabled;
  const neverConfigured = s && !s.github.token.isSet && !s.stackoverflow.apiKey.isSet;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={2}>Dashboard</Title>
          <Text c="dimmed" size="sm">
            Collect GitHub code and Stack Overflow Q&amp;A at the same time, within the APIs’ limits.
          </Text>
        </div>
        <Group>
          {!active && (
            <Button
              leftSection={<Play size={16} />}
              onClick={() => start()}
              loading={busy}
              disabled={!!nothingEnabled}
            >
              Start run
            </Button>
          )}
          {snapshot?.status === 'running' && (
            <Button
              leftSection={<Pause size={16} />}
              variant="light"
              color="orange"
              onClick={() => act(api.pauseRun, 'Pause failed')}
            >
              Pause
            </Button>
          )}
          {snapshot?.status === 'paused' && (
            <Button
              leftSection={<Play size={16} />}
              variant="light"
              onClick={() => act(api.resumeRun, 'Resume failed')}
            >
              Resume
            </Button>
          )}
          {active && (
            <Button
              leftSection={<Square size={16} />}
              variant="light"
              color="red"
              onClick={() => act(api.cancelRun, 'Cancel failed')}
            >
              Cancel
            </Button>
          )}
        </Group>
      </Group>

      {run.interrupted && !active && (
        <Alert
          color="yellow"
          icon={<History size={18} />}
          title={`Run #${run.interrupted.id} ${run.interrupted.status === 'stopped' ? run.interrupted.outcome : 'was interrupted'}`}
          data-testid="resume-offer"
        >
          <Group justify="space-between">
            <Text size="sm">
              It started {time(run.interrupted.startedAt)} and{' '}
              {run.interrupted.status === 'stopped'
                ? 'a limit stopped it before it finished.'
                : 'stopped before it finished (the app was closed or crashed).'}{' '}
              Resume it from its last checkpoint: nothing stored is lost or stored twice.
            </Text>
            <Button size="xs" onClick={() => start(run.interrupted!.id)} loading={busy}>
              Resume run #{run.interrupted.id}
            </Button>
          </Group>
        </Alert>
      )}

      {nothingEnabled ? (
        <EmptyState
          icon={<Rocket size={28} />}
          title="No source is enabled"
          action={{ label: 'Open Settings', onClick: props.onOpenSettings }}
        >
          Turn on GitHub, Stack Overflow or both under Pipeline in Settings, then start a run here.
        </EmptyState>
      ) : !snapshot ? (
        <EmptyState
          icon={<Rocket size={28} />}
          title="No ingestion runs yet"
          action={neverConfigured ? { label: 'Open Settings', onClick: props.onOpenSettings } : undefined}
        >
          {neverConfigured
            ? 'Add your GitHub token and choose languages and tags in Settings (Test connection tells you if they work), then press Start run. Progress, rate-limit waits and items per second show here live.'
            : 'Press Start run: both sources run at once, and their progress, rate-limit waits and items per second show here live.'}
        </EmptyState>
      ) : (
        <>
          <Paper withBorder p="md" data-testid="run-totals">
            <Group justify="space-between">
              <Group gap="sm">
                <Title order={4}>Run #{snapshot.runId}</Title>
                <Badge color={RUN_STATUS_COLOR[snapshot.status]} data-testid="run-status">
                  {snapshot.status}
                </Badge>
              </Group>
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
                <Text size="sm">
                  <b>{number(snapshot.totals.errors)}</b> errors
                </Text>
                <Elapsed start={snapshot.startedAt} end={snapshot.endedAt} />
              </Group>
            </Group>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {SOURCE_ORDER.filter((source) => snapshot.sources[source]).map((source) => (
              <SourceCard key={source} metrics={snapshot.sources[source]!} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <RateChart points={run.series} />
            <ErrorsPanel snapshot={snapshot} />
          </SimpleGrid>
        </>
      )}
      <RunHistory runs={run.history} />
    </Stack>
  );
}
