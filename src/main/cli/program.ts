import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { closest, distance } from 'fastest-levenshtein';
import { EXPORT_FORMATS, ITEM_SOURCES } from '../../shared/itemsContract.ts';
import { LANGUAGES } from '../../shared/settings.ts';
import { StorageError } from '../core/store/storageProblem.ts';
import { CliError } from './cliError.ts';
import type { CliDeps } from './cliIo.ts';
import { runCollect, type CollectOptions } from './collectCommand.ts';
import { EXIT, EXIT_CODE_MEANINGS, type ExitCode } from './exitCodes.ts';
import { runExportCommand, type ExportOptions } from './exportCommand.ts';
import { runSettings, type SettingsOptions } from './settingsCommand.ts';
import { runStats, type StatsOptions } from './statsCommand.ts';
import { storageDiagnosis } from './storageDiagnosis.ts';
import { CLI_VERSION } from './version.ts';

/** "--min-stars -5" reaches the settings check as -5 (which then says "Must be at least 0"). */
function wholeNumber(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('Not a whole number.');
  return Number(value);
}

const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A repeatable option with choices (commander's own choices check does not repeat), naming the nearest. */
const repeatableChoice =
  (choices: readonly string[]) =>
  (value: string, previous: string[]): string[] => {
    if (choices.includes(value)) return [...previous, value];
    const nearest = closest(value, choices as string[]);
    const suggestion = distance(value, nearest) <= 2 ? `Did you mean ${nearest}? ` : '';
    throw new InvalidArgumentError(`${suggestion}Allowed choices are ${choices.join(', ')}.`);
  };

const EXIT_CODES_HELP = `\nExit codes:\n${Object.entries(EXIT_CODE_MEANINGS)
  .map(([code, meaning]) => `  ${code.padStart(3)}  ${meaning}`)
  .join('\n')}`;

const DATA_HELP = 'data folder (default: the app’s own, so the app sees what the CLI collected)';

/**
 * The CLI's commands on commander: usage on --help (stdout, exit 0), unknown options and commands
 * named with the nearest valid one, choices and numbers checked before anything runs.
 */
function buildProgram(deps: CliDeps, done: (code: ExitCode) => void): Command {
  const run =
    <O>(action: (options: O, deps: CliDeps) => Promise<ExitCode | undefined>, command: () => Command) =>
    async (options: O) => {
      const code = await action(options, deps);
      if (code === undefined) command().outputHelp();
      done(code ?? EXIT.OK);
    };
  const program = new Command('code-helper-ingest')
    .description('Builds a code-helper RAG corpus from GitHub code and Stack Overflow Q&A into local SQLite.')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.io.stdout(text.replace(/\n$/, '')),
      writeErr: (text) => deps.io.stderr(text.replace(/\n$/, '')),
    })
    .showSuggestionAfterError()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  const collectCommand = program
    .command('collect')
    .description('Collect from GitHub and Stack Overflow into the database (progress on stderr).')
    .option('--settings <file>', 'settings file (JSON with comments; see `settings --defaults`)')
    .option('--data <dir>', DATA_HELP)
    .addOption(
      new Option('--source <source>', 'sources to collect').choices(['github', 'stackoverflow', 'both']),
    )
    .option('--resume', 'continue the newest run that did not complete from its checkpoints')
    .addOption(
      new Option('--demo', 'collect from local demo servers (no token, no network)').conflicts('settings'),
    )
    .option('--languages <list>', 'GitHub languages, e.g. python,go', list)
    .option('--tags <list>', 'Stack Overflow tags, e.g. python,pandas', list)
    .option('--min-stars <n>', 'minimum stars of a repository', wholeNumber)
    .option('--max-repos <n>', 'repositories at most', wholeNumber)
    .option('--max-questions <n>', 'questions at most', wholeNumber)
    .option('--query <q>', 'a GitHub search query instead of the one built from settings')
    .addOption(
      new Option('--interval-ms <n>', 'milliseconds between progress lines')
        .argParser(wholeNumber)
        .hideHelp(),
    )
    .addHelpText(
      'after',
      '\nSecrets: GITHUB_TOKEN and STACKEXCHANGE_KEY from the environment, or the settings file.' +
        EXIT_CODES_HELP,
    )
    .action(run<CollectOptions>(runCollect, () => collectCommand));

  const statsCommand = program
    .command('stats')
    .description('What a database holds: items per source, recent runs, commonest skip reasons.')
    .option('--data <dir>', DATA_HELP)
    .option('--json', 'print one JSON document')
    .action(run<StatsOptions>(runStats, () => statsCommand));

  const exportCommand = program
    .command('export')
    .description('Write the collection, or what a search and filters match, to a file (progress on stderr).')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write (replaced only once complete)')
    .option('--query <text>', 'full-text search', '')
    .addOption(
      new Option('--source <source>', `item source, repeatable: ${ITEM_SOURCES.join(', ')}`)
        .argParser(repeatableChoice(ITEM_SOURCES))
        .default([]),
    )
    .addOption(
      new Option('--language <lang>', `language, repeatable: ${LANGUAGES.join(', ')}`)
        .argParser(repeatableChoice(LANGUAGES))
        .default([]),
    )
    .option('--data <dir>', DATA_HELP)
    .option('--db <file>', 'database file, instead of --data')
    .action(run<ExportOptions>(runExportCommand, () => exportCommand));

  const settingsCommand = program
    .command('settings')
    .description('Print a commented settings file or the JSON Schema, or check a settings file.')
    .option('--defaults', 'print every setting at its default, with comments')
    .option('--schema', 'print the JSON Schema of a settings file')
    .option('--check <file>', 'check a settings file; prints each problem')
    .action(run<SettingsOptions>(runSettings, () => settingsCommand));

  return program;
}

/** SQLite's own errors and the file system's "full", "denied" and "read-only". */
function isStorageError(error: unknown): boolean {
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? '');
  return code.startsWith('ERR_SQLITE') || ['ENOSPC', 'EACCES', 'EPERM', 'EROFS'].includes(code);
}

/** Runs one command line and returns its exit code (see exitCodes.ts); never throws. */
export async function runCli(argv: string[], deps: CliDeps): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const program = buildProgram(deps, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.OK;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    if (error instanceof CliError) {
      deps.io.stderr(error.message);
      return error.exitCode;
    }
    if (error instanceof StorageError) {
      deps.io.stderr(storageDiagnosis(error.problem));
      return EXIT.STORAGE;
    }
    deps.io.stderr(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return isStorageError(error) ? EXIT.STORAGE : EXIT.SOURCE_FAILED;
  }
}
