import type { PublicSettings } from '../../../../shared/settings.ts';
import {
  formDescription,
  SECTION_TEXT,
  SETTING_TEXT,
  type SettingText,
} from '../../../../shared/settingsText.ts';

/** The keys of one section of the settings, as the form edits them. */
type KeyIn<S extends SectionId> = keyof PublicSettings[S] & string;
export type SectionId = keyof PublicSettings;

/** How a setting is edited. "secret" is a token or key (masked, typed to replace); "folder" a path. */
export type FieldKind =
  'text' | 'url' | 'date' | 'textarea' | 'number' | 'switch' | 'tags' | 'languages' | 'secret' | 'folder';

export type FieldSpec<S extends SectionId = SectionId> = {
  key: KeyIn<S>;
  kind: FieldKind;
  label: string;
  description: string;
  /** Numbers: a thousands separator for the big ones. */
  thousands?: boolean;
};

/** How a field is edited; its label and description come from the shared table (settingsText.ts). */
type FieldRow<S extends SectionId> = Pick<FieldSpec<S>, 'key' | 'kind' | 'thousands'>;

export type SectionSpec<S extends SectionId = SectionId> = {
  id: S;
  title: string;
  hint: string;
  /** The source whose connection the section's secret is for ("Test connection" beside it). */
  connection?: { label: string; secret: KeyIn<S> };
  fields: FieldSpec<S>[];
};

/** A section of the form: its rows, named and explained as the CLI's settings file names them. */
function section<S extends SectionId>(
  id: S,
  rows: FieldRow<S>[],
  connection?: SectionSpec<S>['connection'],
): SectionSpec<S> {
  const texts = SETTING_TEXT[id] as Record<KeyIn<S>, SettingText>;
  const fields = rows.map((row) => ({
    ...row,
    label: texts[row.key].label,
    description: formDescription(texts[row.key]),
  }));
  return { id, ...SECTION_TEXT[id], ...(connection && { connection }), fields };
}

const github = section(
  'github',
  [
    { key: 'token', kind: 'secret' },
    { key: 'baseUrl', kind: 'url' },
    { key: 'languages', kind: 'languages' },
    { key: 'minStars', kind: 'number' },
    { key: 'pushedAfter', kind: 'date' },
    { key: 'minRepoSizeKb', kind: 'number' },
    { key: 'excludeForks', kind: 'switch' },
    { key: 'customQuery', kind: 'textarea' },
    { key: 'maxRepos', kind: 'number', thousands: true },
    { key: 'maxFilesPerRepo', kind: 'number', thousands: true },
    { key: 'maxFileSizeKb', kind: 'number', thousands: true },
    { key: 'maxInflatedMb', kind: 'number', thousands: true },
    { key: 'maxArchiveEntries', kind: 'number', thousands: true },
    { key: 'includeDocs', kind: 'switch' },
    { key: 'includeGlobs', kind: 'tags' },
    { key: 'excludeGlobs', kind: 'tags' },
  ],
  { label: 'GitHub', secret: 'token' },
);

const stackoverflow = section(
  'stackoverflow',
  [
    { key: 'apiKey', kind: 'secret' },
    { key: 'baseUrl', kind: 'url' },
    { key: 'site', kind: 'text' },
    { key: 'tags', kind: 'tags' },
    { key: 'minQuestionScore', kind: 'number' },
    { key: 'minAnswerScore', kind: 'number' },
    { key: 'acceptedOnly', kind: 'switch' },
    { key: 'maxQuestions', kind: 'number', thousands: true },
    { key: 'maxAnswersPerQuestion', kind: 'number' },
  ],
  { label: 'Stack Exchange', secret: 'apiKey' },
);

const pipeline = section('pipeline', [
  { key: 'githubEnabled', kind: 'switch' },
  { key: 'stackoverflowEnabled', kind: 'switch' },
  { key: 'githubConcurrency', kind: 'number' },
  { key: 'stackoverflowConcurrency', kind: 'number' },
  { key: 'batchSize', kind: 'number', thousands: true },
  { key: 'continueOnError', kind: 'switch' },
  { key: 'maxErrorsPerSource', kind: 'number' },
  { key: 'dataFolder', kind: 'folder' },
]);

/** Every setting the form shows, section by section, in the order the user meets them. */
export const SETTINGS_SECTIONS = [github, stackoverflow, pipeline] as const;

/** "github.minStars" -> "Minimum stars (GitHub)": how a field is named in a message. */
export function fieldTitle(path: string): string {
  const [section, key] = path.split('.');
  const spec = SETTINGS_SECTIONS.find((s) => s.id === section);
  const field = (spec?.fields as FieldSpec[] | undefined)?.find((f) => f.key === key);
  return field && spec ? `${field.label} (${spec.title})` : path;
}
