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
import { useState, type ReactNode } from 'react';
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
  const field = <S extends Section, K extends keyof SettingsDraft['values'][S] & string>(
    section: S,
    key: K,
  ) => ({
    error: error(`${section}.${key}`),
    'data-testid': `${section}.${key}`,
  });

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
          value={values.github.baseUrl}
          onChange={(e) => set('github', 'baseUrl', e.currentTarget.value)}
          {...field('github', 'baseUrl')}
        />
        <MultiSelect
          label="Languages"
          description="Files of these languages are kept; repositories are searched per language."
          data={LANGUAGES.map((l) => ({ value: l, label: l[0].toUpperCase() + l.slice(1) }))}
          value={values.github.languages}
          onChange={(v) => set('github', 'languages', v as typeof values.github.languages)}
          {...field('github', 'languages')}
        />
        <NumberInput
          label="Minimum stars"
          description="Only repositories with at least this many stars."
          value={values.github.minStars}
          onChange={(v) => set('github', 'minStars', v as number)}
          {...field('github', 'minStars')}
        />
        <TextInput
          type="date"
          label="Pushed after"
          description="Skip repositories nobody has pushed to since this date. Empty: any date."
          value={values.github.pushedAfter}
          onChange={(e) => set('github', 'pushedAfter', e.currentTarget.value)}
          {...field('github', 'pushedAfter')}
        />
        <NumberInput
          label="Minimum repository size (KB)"
          description="Skips empty and tiny repositories."
          value={values.github.minRepoSizeKb}
          onChange={(v) => set('github', 'minRepoSizeKb', v as number)}
          {...field('github', 'minRepoSizeKb')}
        />
        <Switch
          label="Exclude forks"
          description="Forks mostly repeat their parent's files."
          checked={values.github.excludeForks}
          onChange={(e) => set('github', 'excludeForks', e.currentTarget.checked)}
          {...field('github', 'excludeForks')}
        />
        <Textarea
          label="Custom search query"
          description="Replaces the query built from the fields above, e.g. topic:cli language:go stars:>50."
          autosize
          minRows={1}
          value={values.github.customQuery}
          onChange={(e) => set('github', 'customQuery', e.currentTarget.value)}
          {...field('github', 'customQuery')}
        />
        <NumberInput
          label="Maximum repositories"
          description="Past 1,000 the search is sliced by stars and dates."
          thousandSeparator=","
          value={values.github.maxRepos}
          onChange={(v) => set('github', 'maxRepos', v as number)}
          {...field('github', 'maxRepos')}
        />
        <NumberInput
          label="Maximum files per repository"
          description="The first files that pass the filters are kept."
          thousandSeparator=","
          value={values.github.maxFilesPerRepo}
          onChange={(v) => set('github', 'maxFilesPerRepo', v as number)}
          {...field('github', 'maxFilesPerRepo')}
        />
        <NumberInput
          label="Maximum file size (KB)"
          description="Larger files are skipped and listed in the skip log."
          thousandSeparator=","
          value={values.github.maxFileSizeKb}
          onChange={(v) => set('github', 'maxFileSizeKb', v as number)}
          {...field('github', 'maxFileSizeKb')}
        />
        <TagsInput
          label="Include globs"
          description="Keep only paths matching one of these, e.g. src/**. Empty: every path."
          value={values.github.includeGlobs}
          onChange={(v) => set('github', 'includeGlobs', v)}
          {...field('github', 'includeGlobs')}
        />
        <TagsInput
          label="Exclude globs"
          description="Vendored, dependency, minified and generated files are excluded by default."
          value={values.github.excludeGlobs}
          onChange={(v) => set('github', 'excludeGlobs', v)}
          {...field('github', 'excludeGlobs')}
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
          value={values.stackoverflow.site}
          onChange={(e) => set('stackoverflow', 'site', e.currentTarget.value)}
          {...field('stackoverflow', 'site')}
        />
        <TextInput
          label="API base URL"
          description="https://api.stackexchange.com/2.3"
          value={values.stackoverflow.baseUrl}
          onChange={(e) => set('stackoverflow', 'baseUrl', e.currentTarget.value)}
          {...field('stackoverflow', 'baseUrl')}
        />
        <TagsInput
          label="Tags"
          description="Questions with any of these tags (at most 5). Press Enter after each."
          value={values.stackoverflow.tags}
          onChange={(v) => set('stackoverflow', 'tags', v)}
          {...field('stackoverflow', 'tags')}
        />
        <NumberInput
          label="Minimum question score"
          description="Votes a question needs to be collected."
          value={values.stackoverflow.minQuestionScore}
          onChange={(v) => set('stackoverflow', 'minQuestionScore', v as number)}
          {...field('stackoverflow', 'minQuestionScore')}
        />
        <NumberInput
          label="Minimum answer score"
          description="Votes an answer needs to become an item."
          value={values.stackoverflow.minAnswerScore}
          onChange={(v) => set('stackoverflow', 'minAnswerScore', v as number)}
          {...field('stackoverflow', 'minAnswerScore')}
        />
        <Switch
          label="Accepted answers only"
          description="Keep only the answer the asker accepted."
          checked={values.stackoverflow.acceptedOnly}
          onChange={(e) => set('stackoverflow', 'acceptedOnly', e.currentTarget.checked)}
          {...field('stackoverflow', 'acceptedOnly')}
        />
        <NumberInput
          label="Maximum questions"
          description="Highest-voted first."
          thousandSeparator=","
          value={values.stackoverflow.maxQuestions}
          onChange={(v) => set('stackoverflow', 'maxQuestions', v as number)}
          {...field('stackoverflow', 'maxQuestions')}
        />
        <NumberInput
          label="Maximum answers per question"
          description="The best answers first: accepted, then by score."
          value={values.stackoverflow.maxAnswersPerQuestion}
          onChange={(v) => set('stackoverflow', 'maxAnswersPerQuestion', v as number)}
          {...field('stackoverflow', 'maxAnswersPerQuestion')}
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
          checked={values.pipeline.githubEnabled}
          onChange={(e) => set('pipeline', 'githubEnabled', e.currentTarget.checked)}
          {...field('pipeline', 'githubEnabled')}
        />
        <Switch
          label="Collect from Stack Overflow"
          description="Include the Stack Overflow source in runs."
          checked={values.pipeline.stackoverflowEnabled}
          onChange={(e) => set('pipeline', 'stackoverflowEnabled', e.currentTarget.checked)}
          {...field('pipeline', 'stackoverflowEnabled')}
        />
        <NumberInput
          label="GitHub concurrency"
          description="Repositories downloaded at once (1–16)."
          value={values.pipeline.githubConcurrency}
          onChange={(v) => set('pipeline', 'githubConcurrency', v as number)}
          {...field('pipeline', 'githubConcurrency')}
        />
        <NumberInput
          label="Stack Overflow concurrency"
          description="Tags fetched at once (1–4); requests stay under 30 a second."
          value={values.pipeline.stackoverflowConcurrency}
          onChange={(v) => set('pipeline', 'stackoverflowConcurrency', v as number)}
          {...field('pipeline', 'stackoverflowConcurrency')}
        />
        <NumberInput
          label="Batch size"
          description="Items written per database transaction."
          thousandSeparator=","
          value={values.pipeline.batchSize}
          onChange={(v) => set('pipeline', 'batchSize', v as number)}
          {...field('pipeline', 'batchSize')}
        />
        <Switch
          label="Continue on error"
          description="When one source fails, the other keeps running."
          checked={values.pipeline.continueOnError}
          onChange={(e) => set('pipeline', 'continueOnError', e.currentTarget.checked)}
          {...field('pipeline', 'continueOnError')}
        />
        <NumberInput
          label="Maximum errors per source"
          description="A source stops after this many errors."
          value={values.pipeline.maxErrorsPerSource}
          onChange={(v) => set('pipeline', 'maxErrorsPerSource', v as number)}
          {...field('pipeline', 'maxErrorsPerSource')}
        />
        <TextInput
          label="Data folder"
          description="Where the database goes (after a restart). Empty: the app's own folder."
          placeholder={info.data?.dataFolder}
          value={values.pipeline.dataFolder}
          onChange={(e) => set('pipeline', 'dataFolder', e.currentTarget.value)}
          {...field('pipeline', 'dataFolder')}
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
