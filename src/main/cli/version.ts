import fs from 'node:fs';

/** The package's version, for --version and the runs the CLI records. */
export const CLI_VERSION = (
  JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
