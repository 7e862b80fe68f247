import {
  defaultSettings,
  fieldErrorsOf,
  maskSecret,
  settingsInputSchema,
  settingsSchema,
  type PublicSettings,
  type SaveSettingsResult,
  type SecretChange,
  type Settings,
} from '../../../shared/settings.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox, SettingsPersistence } from './persistence.ts';

export type SettingsService = {
  /** Full settings with secrets in clear: for the core only, never for the renderer. */
  current(): Settings;
  publicSettings(): PublicSettings;
  save(input: unknown): SaveSettingsResult;
  /** Every secret value in use, for log redaction. */
  secrets(): string[];
};

type StoredDocument = Settings;

export function toPublic(settings: Settings): PublicSettings {
  return {
    github: { ...settings.github, token: maskSecret(settings.github.token) },
    stackoverflow: { ...settings.stackoverflow, apiKey: maskSecret(settings.stackoverflow.apiKey) },
    pipeline: settings.pipeline,
  };
}

function applySecret(change: SecretChange, stored: string): string {
  if (change.action === 'keep') return stored;
  if (change.action === 'clear') return '';
  return change.value;
}

export function createSettingsService(deps: {
  persistence: SettingsPersistence;
  secretBox: SecretBox;
  log: Logger;
}): SettingsService {
  const { persistence, secretBox, log } = deps;

  function load(): Settings {
    const raw = persistence.read() as StoredDocument | undefined;
    if (raw === undefined) return defaultSettings();
    try {
      const opened = structuredClone(raw);
      if (opened.github?.token) opened.github.token = secretBox.open(opened.github.token);
      if (opened.stackoverflow?.apiKey)
        opened.stackoverflow.apiKey = secretBox.open(opened.stackoverflow.apiKey);
      const parsed = settingsSchema.safeParse(opened);
      if (parsed.success) return parsed.data;
      log.warn('Stored settings are invalid; using defaults', { fields: fieldErrorsOf(parsed.error) });
    } catch (error) {
      log.warn('Stored settings could not be read; using defaults', { error: String(error) });
    }
    return defaultSettings();
  }

  let settings = load();

  return {
    current: () => settings,
    publicSettings: () => toPublic(settings),
    secrets: () => [settings.github.token, settings.stackoverflow.apiKey].filter(Boolean),
    save(input) {
      const parsed = settingsInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
      const next: Settings = {
        github: {
          ...parsed.data.github,
          token: applySecret(parsed.data.github.token, settings.github.token),
        },
        stackoverflow: {
          ...parsed.data.stackoverflow,
          apiKey: applySecret(parsed.data.stackoverflow.apiKey, settings.stackoverflow.apiKey),
        },
        pipeline: parsed.data.pipeline,
      };
      const stored: StoredDocument = {
        ...next,
        github: { ...next.github, token: next.github.token && secretBox.seal(next.github.token) },
        stackoverflow: {
          ...next.stackoverflow,
          apiKey: next.stackoverflow.apiKey && secretBox.seal(next.stackoverflow.apiKey),
        },
      };
      persistence.write(stored);
      settings = next;
      log.info('Settings saved', {
        githubToken: next.github.token ? 'set' : 'empty',
        stackoverflowKey: next.stackoverflow.apiKey ? 'set' : 'empty',
      });
      return { ok: true, settings: toPublic(next) };
    },
  };
}
