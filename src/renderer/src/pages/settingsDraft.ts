import type { FieldErrors, PublicSettings, SecretChange, SettingsInput } from '../../../shared/settings.ts';

/** What the Settings form edits: the public settings plus a pending change per secret. */
export type SettingsDraft = {
  saved: PublicSettings;
  values: {
    github: Omit<PublicSettings['github'], 'token'>;
    stackoverflow: Omit<PublicSettings['stackoverflow'], 'apiKey'>;
    pipeline: PublicSettings['pipeline'];
  };
  secrets: { github: SecretChange; stackoverflow: SecretChange };
  errors: FieldErrors;
};

export type Section = keyof SettingsDraft['values'];

export function draftFrom(saved: PublicSettings): SettingsDraft {
  const { token: _token, ...github } = saved.github;
  const { apiKey: _apiKey, ...stackoverflow } = saved.stackoverflow;
  return {
    saved,
    values: { github, stackoverflow, pipeline: { ...saved.pipeline } },
    secrets: { github: { action: 'keep' }, stackoverflow: { action: 'keep' } },
    errors: {},
  };
}

export function inputFrom(draft: SettingsDraft): SettingsInput {
  return {
    github: { ...draft.values.github, token: draft.secrets.github },
    stackoverflow: { ...draft.values.stackoverflow, apiKey: draft.secrets.stackoverflow },
    pipeline: draft.values.pipeline,
  };
}

export function isDirty(draft: SettingsDraft): boolean {
  const pristine = draftFrom(draft.saved);
  return (
    JSON.stringify(pristine.values) !== JSON.stringify(draft.values) ||
    draft.secrets.github.action !== 'keep' ||
    draft.secrets.stackoverflow.action !== 'keep'
  );
}
