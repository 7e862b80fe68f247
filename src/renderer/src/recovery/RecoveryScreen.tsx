import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Archive, DatabaseZap, FolderOpen, RotateCw } from 'lucide-react';
import { useState } from 'react';
import type { StorageState } from '../../../shared/storage.ts';
import { api, useApiQuery } from '../hooks/api.ts';

/**
 * Shown instead of the app when the database can't be opened: what happened and where, and the three
 * ways out — retry, keep the damaged file aside and start a new database, or use another folder.
 */
export function RecoveryScreen(props: { state: StorageState; onState: (state: StorageState) => void }) {
  const { state } = props;
  const problem = state.problem!;
  const info = useApiQuery('getAppInfo');
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [stillFailing, setStillFailing] = useState<string>();

  /** Runs one recovery action; the app comes back once the state it answers has no problem. */
  async function act(
    name: string,
    action: () => Promise<StorageState | undefined>,
    done?: (s: StorageState) => string,
  ) {
    setBusy(name);
    setStillFailing(undefined);
    try {
      const next = await action();
      if (!next) return;
      if (next.problem) {
        setStillFailing(next.problem.message);
        props.onState(next);
        return;
      }
      if (done) notifications.show({ color: 'teal', title: 'Database ready', message: done(next) });
      props.onState(next);
    } catch (error) {
      setStillFailing(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  }

  const switchFolder = (chosen: string) =>
    act(
      'folder',
      async () => {
        const { state: next, error } = await api.useDataFolder(chosen);
        setFolderError(error);
        return error ? undefined : next;
      },
      (next) => `Now using the data folder ${next.dataFolder}.`,
    );

  return (
    <Stack maw={760} mx="auto" p="xl" gap="lg" component="main">
      <Group gap="sm">
        <DatabaseZap size={28} aria-hidden />
        <Title order={1} size="h2">
          The database can’t be opened
        </Title>
      </Group>
      <Alert color="red" title="What happened" data-testid="storage-problem" data-kind={problem.kind}>
        <Text>{problem.message}</Text>
        <Text mt="xs" fw={500}>
          {problem.advice}
        </Text>
      </Alert>
      {stillFailing && (
        <Alert color="orange" title="Still not working" role="status">
          {stillFailing}
        </Alert>
      )}
      <Paper withBorder p="lg" component="section" aria-label="Where">
        <Stack gap={6}>
          <Text size="sm">
            Data folder: <Code>{state.dataFolder}</Code>
          </Text>
          <Text size="sm">
            Database file: <Code>{state.databaseFile}</Code>
          </Text>
          {info.data && (
            <Text size="sm">
              Log: <Code>{info.data.logFile}</Code>
            </Text>
          )}
          <Text size="xs">Details: {problem.detail}</Text>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-label="What you can do">
        <Stack gap="md">
          <Group>
            <Button
              leftSection={<RotateCw size={16} />}
              variant="default"
              loading={busy === 'retry'}
              onClick={() =>
                act(
                  'retry',
                  () => api.retryStorage(),
                  () => 'The database opened.',
                )
              }
            >
              Retry
            </Button>
            {problem.canSetAside && (
              <Button
                // The darkest teal keeps white text readable in both themes.
                color="teal.9"
                leftSection={<Archive size={16} />}
                loading={busy === 'aside'}
                onClick={() =>
                  act(
                    'aside',
                    () => api.setAsideDatabase(),
                    (next) => `Started a new database. The old file is kept as ${next.setAside?.join(', ')}.`,
                  )
                }
              >
                Keep the damaged file aside and start a new database
              </Button>
            )}
          </Group>
          {problem.canSetAside && (
            <Text size="sm">
              Nothing is deleted: the file is renamed in the same folder, so you can still copy it or send it
              for repair.
            </Text>
          )}
          <Stack gap="xs">
            <Group align="flex-end" gap="xs">
              <TextInput
                label="Use another data folder"
                description="A full path; the folder is created if it does not exist."
                descriptionProps={{ c: 'var(--mantine-color-text)' }}
                placeholder="/home/you/code-helper-data"
                value={folder}
                error={folderError}
                onChange={(e) => {
                  setFolder(e.currentTarget.value);
                  setFolderError(undefined);
                }}
                onKeyDown={(e) => e.key === 'Enter' && folder && void switchFolder(folder)}
                style={{ flex: 1 }}
                data-testid="recovery-folder"
              />
              <Button
                variant="default"
                leftSection={<FolderOpen size={16} />}
                onClick={async () => {
                  const chosen = await api.chooseFolder();
                  if (chosen) setFolder(chosen);
                }}
              >
                Browse…
              </Button>
              <Button
                color="teal.9"
                loading={busy === 'folder'}
                disabled={!folder}
                onClick={() => switchFolder(folder)}
              >
                Use this folder
              </Button>
            </Group>
            {problem.kind === 'folder-unusable' && (
              <Group>
                <Button variant="subtle" onClick={() => switchFolder('')}>
                  Use the app’s own data folder
                </Button>
              </Group>
            )}
          </Stack>
        </Stack>
      </Paper>
    </Stack>
  );
}
