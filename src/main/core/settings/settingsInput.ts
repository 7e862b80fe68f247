import type { PipelineSettings, Settings, SettingsInput } from '../../../shared/settings.ts';

/** What Save would send for these settings, secrets included: to save prepared settings (the demo's). */
export function settingsInputOf(settings: Settings): SettingsInput {
  const secret = (value: string) =>
    value ? { action: 'set' as const, value } : { action: 'clear' as const };
  return {
    github: { ...settings.github, token: secret(settings.github.token) },
    stackoverflow: { ...settings.stackoverflow, apiKey: secret(settings.stackoverflow.apiKey) },
    pipeline: settings.pipeline,
  };
}

/**
 * What Save would send to change `pipeline` settings only, with both secrets kept as they are stored
 * (one that could not be decrypted stays sealed): the recovery screen's "use another folder".
 */
export function inputKeepingSecrets(settings: Settings, pipeline: Partial<PipelineSettings>): SettingsInput {
  return {
    github: { ...settings.github, token: { action: 'keep' } },
    stackoverflow: { ...settings.stackoverflow, apiKey: { action: 'keep' } },
    pipeline: { ...settings.pipeline, ...pipeline },
  };
}
