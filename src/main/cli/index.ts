/**
 * Headless CLI over the same core as the app: `code-helper-ingest <command>` (package bin),
 * `npm run cli -- <command>`, or `node src/main/cli/index.ts <command>` on Node 24.
 */
import { consoleIo } from './cliIo.ts';
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), { io: consoleIo, env: process.env });
