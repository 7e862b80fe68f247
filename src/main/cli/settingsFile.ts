import { z } from 'zod';
import {
  defaultSettings,
  githubSettingsSchema,
  pipelineSettingsSchema,
  stackoverflowSettingsSchema,
} from '../../shared/settings.ts';
import { fileDescription, SETTING_TEXT, type SettingText } from '../../shared/settingsText.ts';

/**
 * A settings file for the CLI: the app's schema with every section and field optional, and strict — an
 * unknown key (a typo) is an error, not a silently ignored setting. The app's stored settings document
 * stays tolerant (src/main/core/settings).
 */
export const settingsFileSchema = z.strictObject({
  /** Lets an editor find the JSON Schema; ignored by the CLI. */
  $schema: z.string().optional(),
  github: githubSettingsSchema.strict().prefault({}),
  stackoverflow: stackoverflowSettingsSchema.strict().prefault({}),
  pipeline: pipelineSettingsSchema.strict().prefault({}),
});

export type SettingsSection = keyof typeof SETTING_TEXT;
export const SETTINGS_SECTIONS = Object.keys(SETTING_TEXT) as SettingsSection[];

/** The settings of a section with what the shared table says of each, in the table's order. */
const textsOf = (section: SettingsSection) =>
  Object.entries(SETTING_TEXT[section] as Record<string, SettingText>);

/** The valid keys at a path of a settings file: the sections at the top, their fields inside. */
export function keysAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return ['$schema', ...SETTINGS_SECTIONS];
  const section = SETTING_TEXT[path[0] as SettingsSection];
  return path.length === 1 && section ? Object.keys(section) : [];
}

/** JSON Schema of a settings file (zod's own conversion), with a title and description on every setting. */
export function settingsJsonSchema(): Record<string, unknown> {
  // Defaults are named here too: zod leaves them out of fields it transforms (the base URLs).
  const metadata = z.registry<{ title: string; description: string; default: unknown }>();
  const defaults = defaultSettings();
  const shapes = {
    github: githubSettingsSchema.shape,
    stackoverflow: stackoverflowSettingsSchema.shape,
    pipeline: pipelineSettingsSchema.shape,
  };
  for (const section of SETTINGS_SECTIONS) {
    const shape: Record<string, z.ZodType> = shapes[section];
    const values: Record<string, unknown> = defaults[section];
    for (const [key, text] of textsOf(section)) {
      metadata.add(shape[key], {
        title: text.label,
        description: fileDescription(text),
        default: values[key],
      });
    }
  }
  const { $schema, ...schema } = z.toJSONSchema(settingsFileSchema, {
    io: 'input',
    metadata,
    override: ({ zodSchema, jsonSchema }) => {
      const meta = metadata.get(zodSchema);
      if (meta) jsonSchema.default ??= meta.default;
    },
  });
  return {
    $schema,
    title: 'Code Helper Ingest settings file',
    description: 'Every section and field may be left out; unknown keys are errors.',
    ...schema,
  };
}

/** A value on one line ("[\"python\", \"go\"]"), or indented over several when that is long. */
function jsonValue(value: unknown): string {
  const inline = Array.isArray(value)
    ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
    : JSON.stringify(value);
  return inline.length <= 80 ? inline : JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
}

/** Every setting at its default, with its description as a comment (JSON with comments, which the CLI reads). */
export function commentedDefaults(): string {
  const defaults = defaultSettings();
  const lines = [
    '// Code Helper Ingest settings: every section and field may be left out (the default applies).',
    '// Unknown keys are errors. Secrets are better given as GITHUB_TOKEN and STACKEXCHANGE_KEY.',
    '// Use: code-helper-ingest collect --settings this-file.jsonc',
    '{',
  ];
  SETTINGS_SECTIONS.forEach((section, s) => {
    lines.push(`  "${section}": {`);
    const values: Record<string, unknown> = defaults[section];
    const entries = textsOf(section);
    entries.forEach(([key, text], i) => {
      const comma = i < entries.length - 1 ? ',' : '';
      const value = jsonValue(values[key]);
      lines.push(`    // ${fileDescription(text)}`, `    "${key}": ${value}${comma}`);
    });
    lines.push(`  }${s < SETTINGS_SECTIONS.length - 1 ? ',' : ''}`);
  });
  lines.push('}');
  return lines.join('\n');
}
