import { describe, expect, it } from 'vitest';
import { timeRange } from '../../src/renderer/src/pages/dashboard/chartScale.ts';
import { failureAdvice } from '../../src/renderer/src/pages/dashboard/failureAdvice.ts';
import { counted, itemCounts, whatItDid } from '../../src/renderer/src/pages/dashboard/format.ts';
import { hashOf, routeOf } from '../../src/renderer/src/hooks/routes.ts';
import {
  SETTINGS_SECTIONS,
  fieldTitle,
  type FieldSpec,
} from '../../src/renderer/src/pages/settings/settingsFields.ts';
import { commentedDefaults, settingsJsonSchema } from '../../src/main/cli/settingsFile.ts';
import { SETTING_TEXT, type SettingText } from '../../src/shared/settingsText.ts';
import {
  addressChangeNote,
  formValuesFrom,
  validateSettings,
} from '../../src/renderer/src/pages/settings/settingsForm.ts';
import { emptyProgress } from '../../src/main/core/pipeline/sourceMetrics.ts';
import { skipReasonWords } from '../../src/shared/skipReasons.ts';
import {
  defaultSettings,
  maskSecret,
  settingsSchema,
  type PublicSettings,
} from '../../src/shared/settings.ts';

const publicDefaults = (tokenSet = false): PublicSettings => {
  const s = defaultSettings();
  return {
    ...s,
    github: { ...s.github, token: maskSecret(tokenSet ? 'ghp_saved_token_1234567' : '') },
    stackoverflow: { ...s.stackoverflow, apiKey: maskSecret('') },
  };
};

describe('the Settings field table', () => {
  it('has a field for every setting of the shared schema, and none that is not one', () => {
    for (const section of SETTINGS_SECTIONS) {
      const keys = Object.keys(settingsSchema.shape[section.id].unwrap().shape).sort();
      expect(section.fields.map((f) => f.key).sort(), section.id).toEqual(keys);
    }
  });

  it('names and explains every field as the CLI settings file does: one shared table', () => {
    const schema = settingsJsonSchema() as {
      properties: Record<string, { properties: Record<string, { title: string; description: string }> }>;
    };
    const comments = commentedDefaults();
    for (const section of SETTINGS_SECTIONS) {
      for (const field of section.fields as FieldSpec[]) {
        const text = (SETTING_TEXT[section.id] as Record<string, SettingText>)[field.key];
        expect(field.label).toBe(text.label);
        expect(field.description.startsWith(text.description), field.key).toBe(true);
        const inFile = schema.properties[section.id].properties[field.key];
        expect(inFile.title).toBe(text.label);
        expect(inFile.description).toContain(text.description);
        expect(comments).toContain(`// ${text.label}. ${text.description}`);
      }
    }
  });

  it('names a field as the user sees it', () => {
    expect(fieldTitle('github.minStars')).toBe('Minimum stars (GitHub)');
    expect(fieldTitle('pipeline.dataFolder')).toBe('Data folder (Pipeline)');
  });
});

describe('the Settings form', () => {
  it('validates with the shared schema, one message per field (a secret by its field, not .value)', () => {
    const values = formValuesFrom(publicDefaults());
    expect(validateSettings(values)).toEqual({});
    values.github.minStars = -5;
    values.github.token = { action: 'set', value: ' ' };
    values.github.includeGlobs = ['src/**', ''];
    expect(validateSettings(values)).toEqual({
      'github.minStars': 'Must be at least 0',
      'github.token': 'Enter a value or clear it',
      'github.includeGlobs': 'A glob cannot be empty',
    });
  });

  it('warns before a new address clears the saved token, only when the origin changes and it is not retyped', () => {
    const saved = publicDefaults(true);
    const values = formValuesFrom(saved);
    expect(addressChangeNote(saved, values, 'github')).toBeUndefined();
    values.github.baseUrl = 'https://api.github.com/';
    expect(addressChangeNote(saved, values, 'github')).toBeUndefined();
    values.github.baseUrl = 'https://ghe.example.com/api/v3';
    expect(addressChangeNote(saved, values, 'github')).toBe(
      'Changing the address clears the saved token unless you enter it again.',
    );
    values.github.token = { action: 'set', value: 'ghp_new' };
    expect(addressChangeNote(saved, values, 'github')).toBeUndefined();
    // Nothing saved, nothing to lose.
    values.github.token = { action: 'keep' };
    expect(addressChangeNote(publicDefaults(false), values, 'github')).toBeUndefined();
  });
});

describe('routes', () => {
  it('reads and writes pages, a Settings field and a run', () => {
    expect(routeOf('#/runs/12')).toEqual({ page: 'run', runId: 12 });
    expect(routeOf('#/settings?field=github.token')).toEqual({ page: 'settings', field: 'github.token' });
    expect(routeOf('#/items')).toEqual({ page: 'items' });
    expect(routeOf('')).toEqual({ page: 'dashboard' });
    expect(routeOf('#/nonsense')).toEqual({ page: 'dashboard' });
    for (const hash of ['#/runs/3', '#/settings?field=stackoverflow.apiKey', '#/items', '#/dashboard'])
      expect(hashOf(routeOf(hash))).toBe(hash);
  });
});

describe('what the Dashboard says', () => {
  it('points a failure at the field to fix', () => {
    expect(
      failureAdvice('github', 'GitHub did not accept the token (HTTP 401). Check it, or create a new one.'),
    ).toMatchObject({
      field: 'github.token',
      testable: true,
    });
    expect(
      failureAdvice('stackoverflow', 'Cannot reach Stack Exchange at http://x (ECONNREFUSED)'),
    ).toMatchObject({
      field: 'stackoverflow.baseUrl',
    });
    expect(failureAdvice('github', 'token rejected').field).toBe('github.token');
    expect(failureAdvice('stackoverflow', 'Stack Exchange does not know the site "nope"').field).toBe(
      'stackoverflow.site',
    );
    expect(failureAdvice('github', 'disk I/O error')).toEqual({ todo: expect.any(String), testable: false });
  });

  it('keeps the chart axis at a minute or more, never years', () => {
    expect(timeRange(null, null, 1000)).toEqual([940, 1000]);
    expect(timeRange(500, 500)).toEqual([500, 560]);
    expect(timeRange(500, 900)).toEqual([500, 900]);
  });

  it('says what a run did, in plain words', () => {
    const p = emptyProgress('stackoverflow', 3000);
    p.done = 1706;
    p.items.unchanged = 5118;
    expect(whatItDid(p)).toBe('Read 1,706 questions: 0 new, 0 updated, 5,118 unchanged');
    expect(counted(1, 'repositories')).toBe('1 repository');
    expect(counted(2, 'errors')).toBe('2 errors');
    expect(itemCounts({ inserted: 3, updated: 1, unchanged: 0, duplicates: 2 })).toBe(
      '3 new, 1 updated, 0 unchanged, 2 duplicates',
    );
  });

  it('words skip reasons plainly, and unknown ones without underscores', () => {
    expect(skipReasonWords('not_source')).toBe('not code in a chosen language');
    expect(skipReasonWords('answer_limit')).toBe('past the answers-per-question limit');
    expect(skipReasonWords('some_new_reason')).toBe('some new reason');
  });
});
