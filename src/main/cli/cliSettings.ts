import fs from 'node:fs';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { fieldErrorsOf, type Language, type Settings } from '../../shared/settings.ts';
import { CliError } from './cliError.ts';
import { JsoncError, parseJsoncDocument } from './jsoncDocument.ts';
import { keysAt, settingsFileSchema, SETTINGS_SECTIONS } from './settingsFile.ts';

export type SourceChoice = 'github' | 'stackoverflow' | 'both';

/** The collect flags that change settings (commander has already parsed numbers and lists). */
export type SettingsFlags = {
  settings?: string;
  source?: SourceChoice;
  languages?: string[];
  tags?: string[];
  minStars?: number;
  maxRepos?: number;
  maxQuestions?: number;
  query?: string;
};

type Raw = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/** The settings file as JSON with comments; a syntax error or a key given twice names its line. */
function readSettingsFile(file: string): Raw {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read settings file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parseJsoncDocument(text);
  } catch (error) {
    if (!(error instanceof JsoncError)) throw error;
    throw new CliError(`Settings file ${file} ${error.message}`);
  }
  if (!isPlainObject(raw)) {
    throw new CliError(
      `Settings file ${file} must hold one object such as {"github": {"maxRepos": 5}}, not ${kindOf(raw)}.`,
    );
  }
  return raw;
}

/** "gihub: unknown; did you mean github?" — or the valid keys when none is close. */
function unknownKeyMessage(key: string, valid: string[]): string {
  const nearest = valid.length ? closest(key, valid) : undefined;
  if (nearest && distance(key, nearest) <= Math.max(2, Math.floor(key.length / 3))) {
    return `unknown; did you mean ${nearest}?`;
  }
  return `unknown; valid: ${valid.join(', ')}`;
}

/** One line per problem; `raw` is what was checked, to say what a misplaced value is. */
export function settingsErrorLines(error: z.ZodError, raw: unknown): string[] {
  const lines: string[] = [];
  const rest: z.core.$ZodIssue[] = [];
  for (const issue of error.issues) {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const valid = keysAt(issue.path);
      for (const key of issue.keys)
        lines.push(`${at ? `${at}.` : ''}${key}: ${unknownKeyMessage(key, valid)}`);
    } else if (issue.code === 'invalid_type' && issue.expected === 'object') {
      const value = issue.path.reduce<unknown>((v, key) => (v as Raw | undefined)?.[key as string], raw);
      lines.push(`${at}: must be an object of ${at} settings, not ${kindOf(value)}`);
    } else {
      rest.push(issue);
    }
  }
  const fields = fieldErrorsOf({ issues: rest } as z.ZodError);
  for (const [field, message] of Object.entries(fields)) lines.push(`${field}: ${message}`);
  return lines;
}

/**
 * Settings for a headless run: the settings file (JSON with comments, the app's schema, strict), then
 * the flags, then the secrets from the environment. Every invalid or unknown field is reported.
 */
export function loadCliSettings(
  flags: SettingsFlags,
  env: NodeJS.ProcessEnv = process.env,
  base: Raw = {},
): Settings {
  const raw: Raw = flags.settings ? readSettingsFile(flags.settings) : structuredClone(base);
  // A section that is not an object is left as it is, for the schema to report.
  const section = (name: string): Raw => {
    if (raw[name] === undefined) raw[name] = {};
    return isPlainObject(raw[name]) ? raw[name] : {};
  };
  const [github, stackoverflow, pipeline] = SETTINGS_SECTIONS.map(section);
  if (flags.languages) github.languages = flags.languages as Language[];
  if (flags.minStars !== undefined) github.minStars = flags.minStars;
  if (flags.maxRepos !== undefined) github.maxRepos = flags.maxRepos;
  if (flags.query !== undefined) github.customQuery = flags.query;
  if (flags.tags) stackoverflow.tags = flags.tags;
  if (flags.maxQuestions !== undefined) stackoverflow.maxQuestions = flags.maxQuestions;
  if (flags.source) {
    pipeline.githubEnabled = flags.source !== 'stackoverflow';
    pipeline.stackoverflowEnabled = flags.source !== 'github';
  }
  if (env.GITHUB_TOKEN) github.token = env.GITHUB_TOKEN;
  if (env.STACKEXCHANGE_KEY) stackoverflow.apiKey = env.STACKEXCHANGE_KEY;
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const where = flags.settings ? ` in ${flags.settings}` : '';
    throw new CliError(
      `Invalid settings${where}:\n${settingsErrorLines(parsed.error, raw)
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  }
  const { $schema: _schema, ...settings } = parsed.data;
  return settings;
}
