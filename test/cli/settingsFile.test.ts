import fs from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { settingsFileSchema } from '../../src/main/cli/settingsFile.ts';
import { defaultSettings, LANGUAGES } from '../../src/shared/settings.ts';
import { cli, tempFolder, writeJson } from './cliHarness.ts';

/** Runs `collect` with a settings file and returns what it said; nothing may be created. */
async function collectWith(content: unknown) {
  const dir = tempFolder();
  const data = path.join(dir, 'data');
  const result = await cli([
    'collect',
    '--settings',
    writeJson(dir, 'settings.json', content),
    '--data',
    data,
  ]);
  expect(fs.existsSync(data), 'a bad settings file must not create the data folder').toBe(false);
  return result;
}

describe('cli settings files', () => {
  it('rejects an unknown section or field, naming it and the nearest valid key', async () => {
    const section = await collectWith({ gihub: { maxRepos: 5 } });
    expect(section.code).toBe(2);
    expect(section.err).toMatch(/^\s+gihub: unknown; did you mean github\?$/m);
    const field = await collectWith({ github: { maxRepo: 5 }, pipeline: { dataFoldr: 'x', zzz: 1 } });
    expect(field.err).toMatch(/^\s+github\.maxRepo: unknown; did you mean maxRepos\?$/m);
    expect(field.err).toMatch(/^\s+pipeline\.dataFoldr: unknown; did you mean dataFolder\?$/m);
    expect(field.err).toMatch(/^\s+pipeline\.zzz: unknown; valid: githubEnabled, stackoverflowEnabled, /m);
  });

  it('explains a file holding null, an array, or a section that is not an object', async () => {
    for (const [content, kind] of [
      ['null', 'null'],
      ['[1, 2]', 'an array'],
      ['"github"', 'a string'],
    ]) {
      const result = await collectWith(content);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        new RegExp(`must hold one object such as \\{"github": \\{"maxRepos": 5\\}\\}, not ${kind}\\.$`),
      );
      expect(result.err).not.toMatch(/Cannot read properties/);
    }
    const nullSection = await collectWith({ github: null });
    expect(nullSection.err).toMatch(/^\s+github: must be an object of github settings, not null$/m);
  });

  it('lists the languages only when the problem is about languages', async () => {
    const repos = await collectWith({ github: { maxRepos: 0 } });
    expect(repos.err).toMatch(/github\.maxRepos: Must be at least 1/);
    expect(repos.err).not.toContain(LANGUAGES.join(', '));
    const languages = await collectWith({ github: { languages: ['cobol'] } });
    expect(languages.err).toContain(`github.languages: Choose from ${LANGUAGES.join(', ')}`);
  });

  it('reads comments and names the line and column of a syntax error', async () => {
    const dir = tempFolder();
    const good = writeJson(dir, 'good.jsonc', '// mine\n{ "github": { /* few */ "maxRepos": 5, }, }\n');
    expect(await cli(['settings', '--check', good])).toMatchObject({
      code: 0,
      out: `${good}: valid settings`,
    });
    const bad = writeJson(dir, 'bad.json', '{\n  "github": { "maxRepos": 5 \n  "x": 1 }\n}');
    const result = await cli(['settings', '--check', bad]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/is not valid JSON: CommaExpected at line 3, column 3/);
  });

  it('reads a file saved with a UTF-8 byte order mark (as Notepad saves it)', async () => {
    const dir = tempFolder();
    const file = writeJson(dir, 'bom.json', '\uFEFF{ "github": { "maxRepos": 5 } }\n');
    expect(await cli(['settings', '--check', file])).toMatchObject({
      code: 0,
      out: `${file}: valid settings`,
    });
  });

  it('names a __proto__ key as unknown (it never reaches the prototype)', async () => {
    const dir = tempFolder();
    for (const text of ['{"__proto__": {"polluted": 1}}', '{"github": {"__proto__": {"maxRepos": 3}}}']) {
      const result = await cli(['settings', '--check', writeJson(dir, 'proto.json', text)]);
      expect(result.code, text).toBe(2);
      expect(result.err).toMatch(/^\s+(github\.)?__proto__: unknown/m);
      expect(result.err).not.toContain('polluted');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('refuses a key given twice, naming it and its lines (JSON would silently keep the last)', async () => {
    const dir = tempFolder();
    const file = writeJson(
      dir,
      'twice.json',
      '{\n  "github": { "maxRepos": 5 },\n  "github": { "maxRepos": 6 }\n}',
    );
    const result = await cli(['settings', '--check', file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`Settings file ${file} gives github twice (lines 2 and 3): keep one.`);
    const inner = writeJson(dir, 'inner.json', '{"pipeline": {"batchSize": 10, "batchSize": 20}}');
    expect((await cli(['settings', '--check', inner])).err).toContain('gives pipeline.batchSize twice');
  });

  it('settings --defaults prints every setting at its default with a comment, and reads back as the defaults', async () => {
    const { code, out } = await cli(['settings', '--defaults']);
    expect(code).toBe(0);
    const parsed = settingsFileSchema.parse(parseJsonc(out));
    const { $schema: _none, ...settings } = parsed;
    expect(settings).toEqual(defaultSettings());
    const settingLines = out.split('\n').filter((l) => /^ {4}"\w+": /.test(l));
    expect(settingLines.length).toBe(
      Object.values(defaultSettings()).reduce((n, section) => n + Object.keys(section).length, 0),
    );
    for (const line of settingLines) {
      const index = out.split('\n').indexOf(line);
      expect(out.split('\n')[index - 1], line).toMatch(/^ {4}\/\/ \S/);
    }
  });

  it('publishes the JSON Schema generated from the zod schema (docs/settings.schema.json is current)', async () => {
    const { code, out } = await cli(['settings', '--schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    const committed = JSON.parse(fs.readFileSync('docs/settings.schema.json', 'utf8'));
    expect(committed, 'regenerate: npm run -s cli -- settings --schema > docs/settings.schema.json').toEqual(
      schema,
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.github.additionalProperties).toBe(false);
    expect(schema.properties.github.properties.minStars).toMatchObject({
      type: 'integer',
      minimum: 0,
      default: 100,
    });
    expect(schema.properties.github.properties.baseUrl.default).toBe('https://api.github.com');
    for (const section of ['github', 'stackoverflow', 'pipeline']) {
      for (const [key, field] of Object.entries(schema.properties[section].properties)) {
        expect((field as { description?: string }).description, `${section}.${key}`).toBeTruthy();
      }
    }
  });

  it('the example settings file README uses is valid', async () => {
    expect(
      await cli(['settings', '--check', 'examples/settings.json'], { env: { INIT_CWD: process.cwd() } }),
    ).toMatchObject({ code: 0 });
  });
});
