import fs from 'node:fs';
import {
  fieldErrorsOf,
  LANGUAGES,
  settingsSchema,
  type Language,
  type Settings,
} from '../../shared/settings.ts';

export type CollectFlags = {
  settings?: string;
  source?: string;
  languages?: string;
  tags?: string;
  'min-stars'?: string;
  'max-repos'?: string;
  'max-questions'?: string;
  query?: string;
};

export class SettingsError extends Error {}

const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Settings for a headless run: the JSON file (same schema as the app's), then the flags, then the
 * secrets from the environment. Checked with the shared schema; every invalid field is reported.
 */
export function loadCliSettings(flags: CollectFlags, env: NodeJS.ProcessEnv = process.env): Settings {
  let raw: Record<string, Record<string, unknown>> = {};
  if (flags.settings) {
    try {
      raw = JSON.parse(fs.readFileSync(flags.settings, 'utf8'));
    } catch (error) {
      throw new SettingsError(`Cannot read settings file ${flags.settings}: ${(error as Error).message}`);
    }
  }
  const section = (name: string) => (raw[name] = { ...(raw[name] ?? {}) });
  const github = section('github');
  const stackoverflow = section('stackoverflow');
  const pipeline = section('pipeline');
  if (flags.languages) github.languages = list(flags.languages) as Language[];
  if (flags['min-stars']) github.minStars = Number(flags['min-stars']);
  if (flags['max-repos']) github.maxRepos = Number(flags['max-repos']);
  if (flags.query) github.customQuery = flags.query;
  if (flags.tags) stackoverflow.tags = list(flags.tags);
  if (flags['max-questions']) stackoverflow.maxQuestions = Number(flags['max-questions']);
  if (flags.source) {
    if (!['github', 'stackoverflow', 'both'].includes(flags.source)) {
      throw new SettingsError(`--source must be github, stackoverflow or both (got "${flags.source}")`);
    }
    pipeline.githubEnabled = flags.source !== 'stackoverflow';
    pipeline.stackoverflowEnabled = flags.source !== 'github';
  }
  if (env.GITHUB_TOKEN) github.token = env.GITHUB_TOKEN;
  if (env.STACKEXCHANGE_KEY) stackoverflow.apiKey = env.STACKEXCHANGE_KEY;
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = Object.entries(fieldErrorsOf(parsed.error)).map(
      ([field, message]) => `  ${field}: ${message}`,
    );
    throw new SettingsError(`Invalid settings:\n${lines.join('\n')}\n(languages: ${LANGUAGES.join(', ')})`);
  }
  return parsed.data;
}
