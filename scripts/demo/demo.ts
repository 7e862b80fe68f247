/**
 * `npm run demo`: the app against local demo servers, with nothing to configure. Starts the fakes of
 * GitHub and Stack Exchange (demoServers.ts), saves settings that point at them with the demo token and
 * key, and opens the app: in Electron where its binary is installed, otherwise the built renderer in
 * the browser through the bridge (the URL is printed; a browser is opened when one can be).
 * Every start is a fresh demo in demo-data/app; Ctrl-C stops it.
 * Options: --browser (the browser even where Electron runs), --port N, --no-open.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { settingsFileSchema } from '../../src/main/cli/settingsFile.ts';
import { startBridge } from '../../e2e/harness/bridgeServer.ts';
import { electronBinaryPresent } from '../../e2e/harness/electronBinary.ts';
import { ensureBuilt } from '../ensureBuilt.ts';
import { V8_FLAGS } from '../v8Flags.mjs';
import { DEMO_DATA_FOLDER, demoSettings, startDemoServers } from './demoServers.ts';
import { openInBrowser } from './openInBrowser.ts';

const { values: options } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'no-open': { type: 'boolean', default: false },
  },
});

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);
ensureBuilt();

const servers = await startDemoServers();
const { $schema: _none, ...settings } = settingsFileSchema.parse(demoSettings(servers));
const dataFolder = path.join(DEMO_DATA_FOLDER, 'app');
fs.rmSync(dataFolder, { recursive: true, force: true });
fs.mkdirSync(dataFolder, { recursive: true });

console.log(`Demo servers: GitHub ${servers.github.url}, Stack Exchange ${servers.stackexchange.url}
(${servers.github.repos.length} generated repositories, ${servers.stackexchange.site.questions.length} questions; nothing leaves this machine)
Demo data, logs and exports: ${dataFolder} (a fresh one at every npm run demo)`);

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});

if (electronBinaryPresent() && !options.browser) {
  // The app reads CHI_DEMO_DATA and CHI_DEMO_SETTINGS at start (src/main/demoEnvironment.ts).
  const settingsFile = path.join(dataFolder, 'demo-settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify(settings), { mode: 0o600 });
  console.log('Opening the app: press Start run on the Dashboard.');
  const app = spawn(path.join('node_modules', '.bin', 'electron-vite'), ['preview'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CHI_DEMO_DATA: dataFolder,
      CHI_DEMO_SETTINGS: settingsFile,
      ELECTRON_CLI_ARGS: JSON.stringify([`--js-flags=${V8_FLAGS.join(' ')}`]),
    },
  });
  await Promise.race([new Promise((resolve) => app.on('exit', resolve)), stopped]);
  app.kill();
} else {
  const bridge = await startBridge({ port: Number(options.port), dataFolder, settings });
  console.log(`
The app is at ${bridge.url}
Settings already point at the demo servers: open it, press Start run on the Dashboard, watch both
sources, then browse, search and export on Items. Ctrl-C stops the demo.
The CLI works against the same kind of servers: npm run cli -- collect --demo`);
  if (!options['no-open']) openInBrowser(bridge.url);
  await stopped;
  await bridge.close();
}
await servers.close();
console.log(`Demo stopped. Its data stays in ${dataFolder} until the next npm run demo.`);
