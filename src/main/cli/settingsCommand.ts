import type { CliDeps } from './cliIo.ts';
import { userPath } from './cliPaths.ts';
import { loadCliSettings } from './cliSettings.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { commentedDefaults, settingsJsonSchema } from './settingsFile.ts';

export type SettingsOptions = { defaults?: boolean; schema?: boolean; check?: string };

/** `settings`: prints a commented example or the JSON Schema, or checks a settings file. */
export async function runSettings(
  options: SettingsOptions,
  { io, env }: CliDeps,
): Promise<ExitCode | undefined> {
  if (options.defaults) io.stdout(commentedDefaults());
  else if (options.schema) io.stdout(JSON.stringify(settingsJsonSchema(), null, 2));
  else if (options.check) {
    const file = userPath(options.check, env);
    loadCliSettings({ settings: file }, {});
    io.stdout(`${file}: valid settings`);
  } else return undefined;
  return EXIT.OK;
}
