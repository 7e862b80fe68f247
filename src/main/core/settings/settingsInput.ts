import type { Settings, SettingsInput } from '../../../shared/settings.ts';

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
