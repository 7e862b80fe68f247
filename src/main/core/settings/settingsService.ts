import {
  defaultSettings,
  fieldErrorsOf,
  maskSecret,
  sameOrigin,
  settingsInputSchema,
  settingsSchema,
  type PublicSettings,
  type SaveSettingsResult,
  type SecretChange,
  type Settings,
} from '../../../shared/settings.ts';
import type { Logger } from '../logging/logger.ts';
import { checkDataFolder } from './dataFolderCheck.ts';
import type { SecretBox, SettingsPersistence } from './persistence.ts';

export type SettingsService = {
  /** Full settings with secrets in clear: for the core only, never for the renderer. */
  current(): Settings;
  publicSettings(): PublicSettings;
  save(input: unknown): SaveSettingsResult;
  /** Every secret value in use, for log redaction. */
  secrets(): string[];
};

/** Where the two secrets sit in the settings document. */
const SECRETS = [
  { section: 'github', key: 'token' },
  { section: 'stackoverflow', key: 'apiKey' },
] as const;
type SecretName = `${(typeof SECRETS)[number]['section']}.${(typeof SECRETS)[number]['key']}`;

/** A stored secret that could not be decrypted: kept sealed as it was, in case the keychain comes back. */
type Unreadable = Map<SecretName, string>;

export function toPublic(settings: Settings, unreadable: Unreadable = new Map()): PublicSettings {
  const masked = (name: SecretName, value: string) =>
    unreadable.has(name) ? { ...maskSecret(''), unreadable: true } : maskSecret(value);
  return {
    github: { ...settings.github, token: masked('github.token', settings.github.token) },
    stackoverflow: {
      ...settings.stackoverflow,
      apiKey: masked('stackoverflow.apiKey', settings.stackoverflow.apiKey),
    },
    pipeline: settings.pipeline,
  };
}

function applySecret(change: SecretChange, stored: string): string {
  if (change.action === 'keep') return stored;
  if (change.action === 'clear') return '';
  return change.value;
}

type Document = Record<string, Record<string, unknown>>;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The stored document as settings: a field that no longer passes the schema (edited by hand, from an
 * older version) falls back to its default alone; every other setting is kept.
 */
function parseTolerantly(document: Document, log: Logger): Settings {
  let parsed = settingsSchema.safeParse(document);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    for (const issue of parsed.error.issues) {
      const [section, key] = issue.path.map(String);
      if (key !== undefined && isRecord(document[section])) delete document[section][key];
      else delete document[section];
    }
    log.warn('Stored settings had invalid fields; those use their defaults', { fields });
    parsed = settingsSchema.safeParse(document);
  }
  return parsed.success ? parsed.data : defaultSettings();
}

export function createSettingsService(deps: {
  persistence: SettingsPersistence;
  secretBox: SecretBox;
  log: Logger;
}): SettingsService {
  const { persistence, secretBox, log } = deps;
  const unreadable: Unreadable = new Map();

  function load(): Settings {
    let raw: unknown;
    try {
      raw = persistence.read();
    } catch (error) {
      log.warn('Stored settings could not be read; using defaults', { error: String(error) });
    }
    if (!isRecord(raw)) return defaultSettings();
    const document = structuredClone(raw) as Document;
    for (const { section, key } of SECRETS) {
      const sealed = isRecord(document[section]) ? document[section][key] : undefined;
      if (typeof sealed !== 'string' || !sealed) continue;
      try {
        document[section][key] = secretBox.open(sealed);
      } catch (error) {
        // Only this secret has to be entered again; the other settings stay as they were.
        document[section][key] = '';
        unreadable.set(`${section}.${key}`, sealed);
        log.warn('A stored secret could not be decrypted; it has to be entered again', {
          secret: `${section}.${key}`,
          error: String(error),
        });
      }
    }
    return parseTolerantly(document, log);
  }

  /**
   * A secret after a save: kept, replaced or cleared as asked, except that a secret saved for one origin
   * is never kept for another (the new address needs the secret again). A kept secret that could not be
   * decrypted stays sealed as it was.
   */
  function nextSecret(
    name: SecretName,
    change: SecretChange,
    baseUrl: string,
    saved: { baseUrl: string; secret: string },
  ): { value: string; sealed: string; unreadable?: string } {
    const effective: SecretChange =
      change.action === 'keep' && !sameOrigin(baseUrl, saved.baseUrl) ? { action: 'clear' } : change;
    const stillSealed = effective.action === 'keep' ? unreadable.get(name) : undefined;
    if (stillSealed) return { value: '', sealed: stillSealed, unreadable: stillSealed };
    const value = applySecret(effective, saved.secret);
    return { value, sealed: value && secretBox.seal(value) };
  }

  let settings = load();

  return {
    current: () => settings,
    publicSettings: () => toPublic(settings, unreadable),
    secrets: () => [settings.github.token, settings.stackoverflow.apiKey].filter(Boolean),
    save(input) {
      const parsed = settingsInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error) };
      const folderError = checkDataFolder(parsed.data.pipeline.dataFolder);
      if (folderError) return { ok: false, errors: { 'pipeline.dataFolder': folderError } };
      const { github, stackoverflow, pipeline } = parsed.data;
      const token = nextSecret('github.token', github.token, github.baseUrl, {
        baseUrl: settings.github.baseUrl,
        secret: settings.github.token,
      });
      const apiKey = nextSecret('stackoverflow.apiKey', stackoverflow.apiKey, stackoverflow.baseUrl, {
        baseUrl: settings.stackoverflow.baseUrl,
        secret: settings.stackoverflow.apiKey,
      });
      const next: Settings = {
        github: { ...github, token: token.value },
        stackoverflow: { ...stackoverflow, apiKey: apiKey.value },
        pipeline,
      };
      persistence.write({
        ...next,
        github: { ...next.github, token: token.sealed },
        stackoverflow: { ...next.stackoverflow, apiKey: apiKey.sealed },
      });
      settings = next;
      for (const [name, secret] of [
        ['github.token', token],
        ['stackoverflow.apiKey', apiKey],
      ] as const) {
        if (secret.unreadable) unreadable.set(name, secret.unreadable);
        else unreadable.delete(name);
      }
      log.info('Settings saved', {
        githubToken: next.github.token ? 'set' : 'empty',
        stackoverflowKey: next.stackoverflow.apiKey ? 'set' : 'empty',
      });
      return { ok: true, settings: toPublic(next, unreadable) };
    },
  };
}
