import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { FolderGit2, Layers, MessagesSquare, ShieldAlert } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConnectionReport } from '../../../shared/connection.ts';
import type { PublicSettings } from '../../../shared/settings.ts';
import { ConnectionAnswer, ConnectionTestButton } from '../components/ConnectionTest.tsx';
import { useApiAction, useApiQuery } from '../hooks/api.ts';
import { useLeaveGuard } from '../hooks/leaveGuard.tsx';
import { DataFolderNote } from './settings/DataFolderNote.tsx';
import { SettingsField } from './settings/SettingsField.tsx';
import {
  SETTINGS_SECTIONS,
  fieldTitle,
  type SectionId,
  type SectionSpec,
} from './settings/settingsFields.ts';
import {
  addressChangeNote,
  byField,
  formValuesFrom,
  inputFrom,
  validateSettings,
  type SettingsFormValues,
} from './settings/settingsForm.ts';

const ICONS: Record<SectionId, ReactNode> = {
  github: <FolderGit2 size={22} aria-hidden />,
  stackoverflow: <MessagesSquare size={22} aria-hidden />,
  pipeline: <Layers size={22} aria-hidden />,
};

export function SettingsPage(props: { focusField?: string }) {
  const query = useApiQuery('getSettings');
  if (query.error)
    return (
      <Alert color="red" title="Settings could not be loaded">
        {query.error}
      </Alert>
    );
  if (!query.data) return <Loader aria-label="Loading settings" />;
  return <SettingsForm initial={query.data} focusField={props.focusField} />;
}

function SettingsForm(props: { initial: PublicSettings; focusField?: string }) {
  const info = useApiQuery('getAppInfo');
  const reloadInfo = info.reload;
  const { run: saveSettings, running: saving } = useApiAction('saveSettings');
  const test = useApiAction('testConnection');
  const [saved, setSaved] = useState(props.initial);
  // A newly saved data folder shows as pending under the field.
  const savedFolder = saved.pipeline.dataFolder;
  const shownFolder = useRef(savedFolder);
  useEffect(() => {
    if (shownFolder.current === savedFolder) return;
    shownFolder.current = savedFolder;
    reloadInfo();
  }, [savedFolder, reloadInfo]);
  const [reports, setReports] = useState<Partial<Record<SectionId, ConnectionReport>>>({});
  const [attention, setAttention] = useState<string[]>([]);
  const saveButton = useRef<HTMLButtonElement>(null);
  const savedState = useRef<HTMLDivElement>(null);
  const form = useForm<SettingsFormValues>({
    initialValues: formValuesFrom(props.initial),
    validate: validateSettings,
    validateInputOnChange: true,
  });
  const values = form.getValues();
  const dirty = form.isDirty();

  const focusField = useCallback(
    (path: string) => {
      const node = form.getInputNode(path) as HTMLElement | null;
      node?.scrollIntoView({ block: 'center' });
      node?.focus();
    },
    [form],
  );
  useEffect(() => {
    if (props.focusField) focusField(props.focusField);
  }, [props.focusField, focusField]);

  /** Saves; says which fields need attention and moves to the first when nothing was saved. */
  const submit = useCallback(async (): Promise<boolean> => {
    const local = form.validate();
    const errors = local.hasErrors
      ? byField(local.errors as Record<string, string>)
      : await saveSettings(inputFrom(form.getValues())).then((r) => {
          if (!r.ok) return byField(r.errors);
          setSaved(r.settings);
          form.setInitialValues(formValuesFrom(r.settings));
          form.setValues(formValuesFrom(r.settings));
          form.resetDirty(formValuesFrom(r.settings));
          return {};
        });
    const paths = Object.keys(errors);
    if (paths.length === 0) {
      setAttention([]);
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'They apply to the next run.' });
      // The Save button it was on is disabled now: focus the words that say so.
      if (document.activeElement === saveButton.current || document.activeElement === document.body)
        savedState.current?.focus();
      return true;
    }
    form.setErrors(errors);
    setAttention(paths);
    notifications.show({
      color: 'red',
      title: 'Nothing was saved',
      message: `${paths.length} field${paths.length === 1 ? ' needs' : 's need'} attention: ${paths.map(fieldTitle).join(', ')}.`,
    });
    focusField(paths[0]);
    return false;
  }, [form, saveSettings, focusField]);

  useHotkeys([['mod+S', () => void submit()]], [], true);

  const guard = useMemo(
    () => (dirty ? { what: 'Settings', save: submit, discard: () => form.reset() } : null),
    [dirty, submit, form],
  );
  useLeaveGuard(guard);

  async function testConnection(section: 'github' | 'stackoverflow') {
    const secret = section === 'github' ? values.github.token : values.stackoverflow.apiKey;
    const report = await test.run({
      source: section,
      baseUrl: values[section].baseUrl,
      site: section === 'stackoverflow' ? values.stackoverflow.site : undefined,
      secret: secret.action === 'set' ? secret.value : undefined,
    });
    setReports((r) => ({ ...r, [section]: report }));
  }

  const context = {
    form,
    saved,
    secretsEncrypted: info.data?.secretsEncrypted ?? false,
    dataFolder: info.data?.dataFolder,
  };
  const section = (spec: SectionSpec) => {
    const id = spec.id;
    const connection = spec.connection && (id === 'github' || id === 'stackoverflow') ? id : undefined;
    return (
      <Paper key={id} withBorder p="lg" component="section" aria-labelledby={`section-${id}`}>
        <Group gap="sm" mb="md" wrap="nowrap" align="flex-start">
          {ICONS[id]}
          <div>
            <Title order={3} id={`section-${id}`}>
              {spec.title}
            </Title>
            <Text size="sm" c="dimmed">
              {spec.hint}
            </Text>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
          {spec.fields.map((field) => {
            const path = `${id}.${field.key}`;
            if (field.kind === 'secret' && connection)
              return (
                <div key={path} style={{ gridColumn: '1 / -1' }}>
                  <SettingsField
                    section={id}
                    spec={field}
                    {...context}
                    aside={
                      <ConnectionTestButton
                        label={spec.connection!.label}
                        running={test.running}
                        onTest={() => void testConnection(connection)}
                      />
                    }
                    below={reports[connection] && <ConnectionAnswer report={reports[connection]} />}
                  />
                </div>
              );
            const note =
              field.kind === 'url' && connection ? addressChangeNote(saved, values, connection) : undefined;
            return (
              <SettingsField
                key={path}
                section={id}
                spec={field}
                {...context}
                note={note}
                extra={field.kind === 'folder' && info.data ? <DataFolderNote info={info.data} /> : undefined}
              />
            );
          })}
        </SimpleGrid>
      </Paper>
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="lg" pb={0}>
        <div>
          <Title order={2}>Settings</Title>
          <Text c="dimmed" size="sm">
            What to collect and how hard to push the APIs. Enter or Ctrl+S saves.
          </Text>
        </div>
        {info.data && !info.data.secretsEncrypted && (
          <Alert
            color="yellow"
            icon={<ShieldAlert size={18} />}
            title="Secrets are not encrypted on this machine"
            data-testid="plain-secrets-warning"
          >
            No OS keychain is available, so tokens and keys are stored unencrypted, in a settings file that
            only your user account can read{info.data.settingsFile && ` (${info.data.settingsFile})`}.
          </Alert>
        )}
        {SETTINGS_SECTIONS.map((spec) => section(spec as SectionSpec))}
        <Paper withBorder p="sm" className="settings-footer">
          <Group justify="space-between" wrap="nowrap">
            <div data-testid="settings-state" aria-live="polite" ref={savedState} tabIndex={-1}>
              {attention.length > 0 ? (
                <AttentionList paths={attention} onPick={focusField} />
              ) : (
                <Text size="sm" c={dirty ? 'orange' : 'dimmed'}>
                  {dirty ? 'Unsaved changes' : 'All changes saved'}
                </Text>
              )}
            </div>
            <Group wrap="nowrap">
              <Button
                variant="default"
                disabled={!dirty}
                onClick={() => {
                  form.reset();
                  setAttention([]);
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" ref={saveButton} loading={saving} disabled={!dirty}>
                Save settings
              </Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}

/** "2 fields need attention:" and each one's name, a click away from the field. */
function AttentionList(props: { paths: string[]; onPick(path: string): void }) {
  const n = props.paths.length;
  return (
    <div>
      <Text size="sm" c="red" fw={600}>
        {n} field{n === 1 ? ' needs' : 's need'} attention:
      </Text>
      <List size="sm" spacing={0}>
        {props.paths.map((path) => (
          <List.Item key={path}>
            <Anchor component="button" type="button" size="sm" onClick={() => props.onPick(path)}>
              {fieldTitle(path)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
