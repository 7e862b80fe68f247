import {
  fieldErrorsOf,
  settingsInputSchema,
  type FieldErrors,
  type PublicSettings,
  type SecretChange,
  type SettingsInput,
} from '../../../../shared/settings.ts';

/** What the Settings form edits: the settings as Save sends them, each secret as a pending change. */
export type SettingsFormValues = {
  github: Omit<PublicSettings['github'], 'token'> & { token: SecretChange };
  stackoverflow: Omit<PublicSettings['stackoverflow'], 'apiKey'> & { apiKey: SecretChange };
  pipeline: PublicSettings['pipeline'];
};

export function formValuesFrom(saved: PublicSettings): SettingsFormValues {
  const keep: SecretChange = { action: 'keep' };
  return {
    github: { ...saved.github, token: keep },
    stackoverflow: { ...saved.stackoverflow, apiKey: keep },
    pipeline: { ...saved.pipeline },
  };
}

export const inputFrom = (values: SettingsFormValues): SettingsInput => values;

/**
 * The one validator: the shared schema the core validates Save with, so a message shown while typing
 * is the one Save would give. Messages are keyed by the field ("github.token", not "github.token.value").
 */
export function validateSettings(values: SettingsFormValues): FieldErrors {
  const parsed = settingsInputSchema.safeParse(values);
  return parsed.success ? {} : byField(fieldErrorsOf(parsed.error));
}

export function byField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors))
    out[path.split('.').slice(0, 2).join('.')] ??= message;
  return out;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url.trim();
  }
};

/**
 * A stored secret is only sent to the origin it was saved for: saving another address without typing the
 * secret again clears it (the core does). Says so before saving, under the address field.
 */
export function addressChangeNote(
  saved: PublicSettings,
  values: SettingsFormValues,
  section: 'github' | 'stackoverflow',
): string | undefined {
  const secret = section === 'github' ? values.github.token : values.stackoverflow.apiKey;
  const stored = section === 'github' ? saved.github.token : saved.stackoverflow.apiKey;
  if (!stored.isSet || secret.action !== 'keep') return undefined;
  if (originOf(values[section].baseUrl) === originOf(saved[section].baseUrl)) return undefined;
  return `Changing the address clears the saved ${section === 'github' ? 'token' : 'key'} unless you enter it again.`;
}
