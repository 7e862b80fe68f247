import {
  Alert,
  Button,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FolderGit2, Layers, MessagesSquare, ShieldAlert } from 'lucide-react';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { LANGUAGES, type PublicSettings } from '../../../shared/settings.ts';
import { ConnectionTest } from '../components/ConnectionTest.tsx';
import { SecretField } from '../components/SecretField.tsx';
import { useApiAction, useApiQuery } from '../hooks/api.ts';
import { draftFrom, inputFrom, isDirty, type Section, type SettingsDraft } from './settingsDraft.ts';

function SettingsSection(props: {
  icon: ReactNode;
  title: string;
  hint: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={props.title}>
      <Group justify="space-between" align="flex-start" mb="md">
        <Group gap="sm">
          {props.icon}
          <div>
            <Title order={3}>{props.title}</Title>
            <Text size="sm" c="dimmed">
              {props.hint}
            </Text>
          </div>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
        {props.children}
      </SimpleGrid>
      {props.aside && <div style={{ marginTop: 16 }}>{props.aside}</div>}
    </Paper>
  );
}

export function SettingsPage() {
  const query = useApiQuery('getSettings');
  if (query.error)
    return (
      <Alert color="red" title="Settings could not be loaded">
        {query.error}
      </Alert>
    );
  if (!query.data) return <Loader aria-label="Loading settings" />;
  return <SettingsForm saved={query.data} />;
}

type Values = SettingsDraft['values'];
/** The keys of a section whose settings are of type T. */
type KeyOf<S extends Section, T> = {
  [K in keyof Values[S]]: Values[S][K] extends T ? K : never;
}[keyof Values[S]] &
  string;

function SettingsForm(props: { saved: PublicSettings }) {
  const info = useApiQuery('getAppInfo');
  const save = useApiAction('saveSettings');
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(props.saved));

  const values = draft.values;
  const set = <S extends Section, K extends keyof SettingsDraft['values'][S]>(
    section: S,
    key: K,
    value: SettingsDraft['values'][S][K],
  ) =>
    setDraft((d) => ({ ...d, values: { ...d.values, [section]: { ...d.values[section], [key]: value } } }));
  const error = (path: string) => draft.errors[path];
  const field = <S extends Section, K extends keyof Values[S] & string>(section: S, key: K) => ({
    error: error(`${section}.${key}`),
    'data-testid': `${section}.${key}`,
  });
  /** Ties an input to one setting, named once: its value, its change handler, its error and test id. */
  const bind = {
    text: <S extends Section>(section: S, key: KeyOf<S, string>) => ({
      value: values[section][key] as string,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set(section, key, e.currentTarget.value as Values[S][typeof key]),
      ...field(section, key),
    }),
    number: <S extends Section>(section: S, key: KeyOf<S, number>) => ({
      value: values[section][key] as number,
      onChange: (v: number | string) => set(section, key, v as Values[S][typeof key]),
      ...field(section, key),
    }),
    check: <S extends Section>(section: S, key: KeyOf<S, boolean>) => ({
      checked: values[section][key] as boolean,
      onChange: (e: ChangeEvent<HTMLInputElement>) =>
        set(section, key, e.currentTarget.checked as Values[S][typeof key]),
      ...field(section, key),
    }),
    list: <S extends Section>(section: S, key: KeyOf<S, string[]>) => ({
      value: values[section][key] as string[],
      onChange: (v: string[]) => set(section, key, v as Values[S][typeof key]),
      ...field(section, key),
    }),
  };

  async function onSave() {
    const result = await save.run(inputFrom(draft));
    if (result.ok) {
      setDraft(draftFrom(result.settings));
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'They apply to the next run.' });
    } else {
      setDraft({ ...draft, errors: result.errors });
      const n = Object.keys(result.errors).length;
      notifications.show({
        color: 'red',
        title: 'Nothing was saved',
        message: `${n} field${n === 1 ? ' needs' : 's need'} attention.`,
      });
    }
  }

  const dirty = isDirty(draft);
  return (
    <Stack gap="lg" pb={0}>
      <div>
        <Title order={2}>Settings</Title>
        <Text c="dimmed" size="sm">
          What to collect and how hard to push the APIs. Data folder: {info.data?.dataFolder ?? '…'}
        </Text>
      </div>
      {info.data && !info.data.secretsEncrypted && (
        <Alert
          color="yellow"
          icon={<ShieldAlert size={18} />}
          title="Secrets are not encrypted on this machine"
        >
          No OS keychain is available, so tokens are stored in a file only you can read.
        </Alert>
      )}

      <SettingsSection
        icon={<FolderGit2 size={22} />}
        title="GitHub"
        hint="Repositories are found with GitHub search, then each is downloaded as one archive."
        aside={
          <ConnectionTest
            label="GitHub"
            draft={() => ({
              source: 'github',
              baseUrl: values.github.baseUrl,
              secret: draft.secrets.github.action === 'set' ? draft.secrets.github.value : undefined,
            })}
          />
        }
      >
        <SecretField
          label="Token"
          description="A personal access token (no scopes needed for public code): 5,000 requests an hour instead of 60."
          stored={draft.saved.github.token}
          change={draft.secrets.github}
          onChange={(c) => setDraft({ ...draft, secrets: { ...draft.secrets, github: c } })}
          error={error('github.token')}
          testId="github.token"
          encrypted={info.data?.secretsEncrypted ?? false}
        />
        <TextInput
          label="API base URL"
          description="https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise."
          {...bind.text('github', 'baseUrl')}
        />
        <MultiSelect
          label="Languages"
          description="Files of these languages are kept; repositories are searched per language."
          data={LANGUAGES.map((l) => ({ value: l, label: l[0].toUpperCase() + l.slice(1) }))}
          {...bind.list('github', 'languages')}
        />
        <NumberInput
          label="Minimum stars"
          description="Only repositories with at least this many stars."
          {...bind.number('github', 'minStars')}
        />
        <TextInput
          type="date"
          label="Pushed after"
          description="Skip repositories nobody has pushed to since this date. Empty: any date."
          {...bind.text('github', 'pushedAfter')}
        />
        <NumberInput
          label="Minimum repository size (KB)"
          description="Skips empty and tiny repositories."
          {...bind.number('github', 'minRepoSizeKb')}
        />
        <Switch
          label="Exclude forks"
          description="Forks mostly repeat their parent's files."
          {...bind.check('github', 'excludeForks')}
        />
        <Textarea
          label="Custom search query"
          description="Replaces the query built from the fields above, e.g. topic:cli language:go stars:>50."
          autosize
          minRows={1}
          {...bind.text('github', 'customQuery')}
        />
        <NumberInput
          label="Maximum repositories"
          description="Past 1,000 the search is sliced by stars and dates."
          thousandSeparator=","
          {...bind.number('github', 'maxRepos')}
        />
        <NumberInput
          label="Maximum files per repository"
          description="The first files that pass the filters are kept."
          thousandSeparator=","
          {...bind.number('github', 'maxFilesPerRepo')}
        />
        <NumberInput
          label="Maximum file size (KB)"
          description="Larger files are skipped and listed in the skip log."
          thousandSeparator=","
          {...bind.number('github', 'maxFileSizeKb')}
        />
        <TagsInput
          label="Include globs"
          description="Keep only paths matching one of these, e.g. src/**. Empty: every path."
          {...bind.list('github', 'includeGlobs')}
        />
        <TagsInput
          label="Exclude globs"
          description="Vendored, dependency, minified and generated files are excluded by default."
          {...bind.list('github', 'excludeGlobs')}
        />
      </SettingsSection>

      <SettingsSection
        icon={<MessagesSquare size={22} />}
        title="Stack Overflow"
        hint="Questions by tag and score, each answer kept as one Q&A item with its attribution."
        aside={
          <ConnectionTest
            label="Stack Exchange"
            draft={() => ({
              source: 'stackoverflow',
              baseUrl: values.stackoverflow.baseUrl,
              site: values.stackoverflow.site,
              secret:
                draft.secrets.stackoverflow.action === 'set' ? draft.secrets.stackoverflow.value : undefined,
            })}
          />
        }
      >
        <SecretField
          label="API key"
          description="Optional. Without a key the API allows 300 requests a day; with one, 10,000."
          stored={draft.saved.stackoverflow.apiKey}
          change={draft.secrets.stackoverflow}
          onChange={(c) => setDraft({ ...draft, secrets: { ...draft.secrets, stackoverflow: c } })}
          error={error('stackoverflow.apiKey')}
          testId="stackoverflow.apiKey"
          encrypted={info.data?.secretsEncrypted ?? false}
        />
        <TextInput
          label="Site"
          description="The Stack Exchange site's API name: stackoverflow, superuser, serverfault…"
          {...bind.text('stackoverflow', 'site')}
        />
        <TextInput
          label="API base URL"
          description="https://api.stackexchange.com/2.3"
          {...bind.text('stackoverflow', 'baseUrl')}
        />
        <TagsInput
          label="Tags"
          description="Questions with any of these tags (at most 5). Press Enter after each."
          {...bind.list('stackoverflow', 'tags')}
        />
        <NumberInput
          label="Minimum question score"
          description="Votes a question needs to be collected."
          {...bind.number('stackoverflow', 'minQuestionScore')}
        />
        <NumberInput
          label="Minimum answer score"
          description="Votes an answer needs to become an item."
          {...bind.number('stackoverflow', 'minAnswerScore')}
        />
        <Switch
          label="Accepted answers only"
          description="Keep only the answer the asker accepted."
          {...bind.check('stackoverflow', 'acceptedOnly')}
        />
        <NumberInput
          label="Maximum questions"
          description="Highest-voted first."
          thousandSeparator=","
          {...bind.number('stackoverflow', 'maxQuestions')}
        />
        <NumberInput
          label="Maximum answers per question"
          description="The best answers first: accepted, then by score."
          {...bind.number('stackoverflow', 'maxAnswersPerQuestion')}
        />
      </SettingsSection>

      <SettingsSection
        icon={<Layers size={22} />}
        title="Pipeline"
        hint="How a run uses both sources at once."
      >
        <Switch
          label="Collect from GitHub"
          description="Include the GitHub source in runs."
          {...bind.check('pipeline', 'githubEnabled')}
        />
        <Switch
          label="Collect from Stack Overflow"
          description="Include the Stack Overflow source in runs."
          {...bind.check('pipeline', 'stackoverflowEnabled')}
        />
        <NumberInput
          label="GitHub concurrency"
          description="Repositories downloaded at once (1–16)."
          {...bind.number('pipeline', 'githubConcurrency')}
        />
        <NumberInput
          label="Stack Overflow concurrency"
          description="Tags fetched at once (1–4); requests stay under 30 a second."
          {...bind.number('pipeline', 'stackoverflowConcurrency')}
        />
        <NumberInput
          label="Batch size"
          description="Items written per database transaction."
          thousandSeparator=","
          {...bind.number('pipeline', 'batchSize')}
        />
        <Switch
          label="Continue on error"
          description="When one source fails, the other keeps running."
          {...bind.check('pipeline', 'continueOnError')}
        />
        <NumberInput
          label="Maximum errors per source"
          description="A source stops after this many errors."
          {...bind.number('pipeline', 'maxErrorsPerSource')}
        />
        <TextInput
          label="Data folder"
          description="Where the database goes (after a restart). Empty: the app's own folder."
          placeholder={info.data?.dataFolder}
          {...bind.text('pipeline', 'dataFolder')}
        />
      </SettingsSection>

      <Paper withBorder p="sm" className="settings-footer">
        <Group justify="space-between">
          <Text size="sm" c={dirty ? 'yellow' : 'dimmed'} data-testid="settings-state">
            {Object.keys(draft.errors).length > 0
              ? 'Fix the highlighted fields, then save again.'
              : dirty
                ? 'Unsaved changes'
                : 'All changes saved'}
          </Text>
          <Group>
            <Button variant="default" disabled={!dirty} onClick={() => setDraft(draftFrom(draft.saved))}>
              Discard changes
            </Button>
            <Button onClick={onSave} loading={save.running} disabled={!dirty}>
              Save settings
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}
