import { toPublic } from '../../src/main/core/settings/settingsService.ts';
import { defaultSettings, type SettingsInput } from '../../src/shared/settings.ts';

/** What the Settings form sends for the defaults, changed by `overrides`; secrets kept. */
export function inputFrom(overrides: (input: SettingsInput) => void = () => {}): SettingsInput {
  const s = toPublic(defaultSettings());
  const input: SettingsInput = {
    github: { ...s.github, token: { action: 'keep' } },
    stackoverflow: { ...s.stackoverflow, apiKey: { action: 'keep' } },
    pipeline: { ...s.pipeline },
  };
  overrides(input);
  return input;
}
