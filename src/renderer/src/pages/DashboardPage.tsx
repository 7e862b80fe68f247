import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { History, Pause, Play, Rocket, Square, Terminal } from 'lucide-react';
import { useState } from 'react';
import type { RunStatus } from '../../../shared/runsContract.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { api, useApiQuery } from '../hooks/api.ts';
import { useRunState } from '../hooks/useRunState.ts';
import { ErrorsPanel } from './dashboard/ErrorsPanel.tsx';
import { time } from './dashboard/format.ts';
import { LastRun } from './dashboard/LastRun.tsx';
import { RateChart } from './dashboard/RateChart.tsx';
import { RunHeader } from './dashboard/RunHeader.tsx';
import { RunHistory } from './dashboard/RunHistory.tsx';
import { SourceCard } from './dashboard/SourceCard.tsx';

const SOURCE_ORDER: SourceId[] = ['github', 'stackoverflow'];

/** Why the run offered for resume did not complete, for every status that can be resumed. */
const UNFINISHED_BECAUSE: Partial<Record<RunStatus, string>> = {
  interrupted: 'stopped before it finished (the app was closed or crashed, or storage stopped it).',
  stopped: 'a limit or a lost connection stopped it before it finished.',
  cancelled: 'was cancelled before it finished.',
  partial: 'a source failed before it finished.',
  failed: 'failed before it finished.',
};

export function DashboardPage(props: { onOpenSettings: (field?: string) => void }) {
  const settings = useApiQuery('getSettings');
  const run = useRunState();
  const [busy, setBusy] = useState(false);
  const snapshot = run.snapshot;
  const active = snapshot?.status === 'running' || snapshot?.status === 'paused';
  // Only the newest run is offered: once a later run started, continuing an old one would be stale.
  const resumable = run.interrupted && run.interrupted.id === run.history[0]?.id ? run.interrupted : null;

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
  const lastRun = run.history[0];
  // A failed or stopped source is said first, right under the run's outcome, with what to do.
  const troubled =
    snapshot &&
    Object.values(snapshot.sources).some((m) => m!.status === 'failed' || m!.status === 'stopped');

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
              disabled={!!nothingEnabled || !!run.elsewhere}
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

      {run.elsewhere && !active && (
        <Alert
          color="blue"
          icon={<Terminal size={18} />}
          title={`Run #${run.elsewhere.runId} is in progress in another process`}
          data-testid="run-elsewhere"
        >
          <Text size="sm">
            {run.elsewhere.message} Its items appear under Items as they are stored; Start run is available
            again when it ends.
          </Text>
        </Alert>
      )}

      {resumable && !active && (
        <Alert
          color="yellow"
          icon={<History size={18} />}
          title={`Run #${resumable.id} ${resumable.outcome === 'interrupted' ? 'was interrupted' : resumable.outcome}`}
          data-testid="resume-offer"
        >
          <Group justify="space-between">
            <Text size="sm">
              It started {time(resumable.startedAt)} and {UNFINISHED_BECAUSE[resumable.status]} Resume it from
              its last checkpoint: sources that completed are left be, nothing stored is lost or stored twice.
            </Text>
            <Button size="xs" onClick={() => start(resumable.id)} loading={busy}>
              Resume run #{resumable.id}
            </Button>
          </Group>
        </Alert>
      )}

      {nothingEnabled ? (
        <EmptyState
          icon={<Rocket size={28} />}
          title="No source is enabled"
          action={{ label: 'Open Settings', onClick: () => props.onOpenSettings('pipeline.githubEnabled') }}
        >
          Turn on GitHub, Stack Overflow or both under Pipeline in Settings, then start a run here.
        </EmptyState>
      ) : snapshot ? (
        <>
          <RunHeader snapshot={snapshot} />
          {troubled && <ErrorsPanel snapshot={snapshot} onOpenSettings={props.onOpenSettings} />}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {SOURCE_ORDER.filter((source) => snapshot.sources[source]).map((source) => (
              <SourceCard key={source} metrics={snapshot.sources[source]!} />
            ))}
          </SimpleGrid>
          {troubled ? (
            <RateChart points={run.series} />
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <RateChart points={run.series} />
              <ErrorsPanel snapshot={snapshot} onOpenSettings={props.onOpenSettings} />
            </SimpleGrid>
          )}
        </>
      ) : lastRun ? (
        <LastRun run={lastRun} />
      ) : (
        run.loaded && (
          <EmptyState
            icon={<Rocket size={28} />}
            title="No ingestion runs yet"
            action={
              neverConfigured ? { label: 'Open Settings', onClick: () => props.onOpenSettings() } : undefined
            }
          >
            {neverConfigured
              ? 'Add your GitHub token and choose languages and tags in Settings (Test connection tells you if they work), then press Start run. Progress, rate-limit waits and items per second show here live.'
              : 'Press Start run: both sources run at once, and their progress, rate-limit waits and items per second show here live.'}
          </EmptyState>
        )
      )}
      <RunHistory runs={run.history} />
    </Stack>
  );
}
