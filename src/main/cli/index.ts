/**
 * Headless CLI over the same core as the app: `node src/main/cli/index.ts <command>` (or `npm run cli --`).
 */
import { COLLECT_USAGE, runCollectCommand, type Io } from './collectCommand.ts';
import { EXPORT_USAGE, runExportCommand } from './exportCommand.ts';
import { runStatsCommand } from './statsCommand.ts';

const io: Io = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) };

const USAGE = `Usage: code-helper-ingest <command>
  ${COLLECT_USAGE}
  stats [--data DIR]
  ${EXPORT_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'collect':
        return await runCollectCommand(rest, io);
      case 'stats':
        return await runStatsCommand(rest, io);
      case 'export':
        return await runExportCommand(rest, io);
      default:
        io.stderr(USAGE);
        return command ? 2 : 0;
    }
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
