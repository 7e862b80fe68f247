/**
 * `npm start`: makes sure the Electron binary is there (Electron >= 42 downloads it on demand, not on
 * install), then builds and launches the app.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { V8_FLAGS } from './v8Flags.mjs';

const bin = (name) => path.join('node_modules', '.bin', name);
const binaryPresent = () =>
  fs.existsSync('node_modules/electron/path.txt') && fs.existsSync('node_modules/electron/dist');

if (!binaryPresent()) {
  console.log('Downloading the Electron binary (first start only)…');
  const install = spawnSync(bin('install-electron'), [], { stdio: 'inherit' });
  if (install.status !== 0 || !binaryPresent()) {
    console.error(
      "\nCould not download the Electron binary: this machine cannot reach Electron's download host (no network, or a proxy blocks it).\n" +
        'Connect to the internet and run `npm start` again. Everything else works without it:\n' +
        '  npm run demo   the app in your browser, against local demo servers (no token, no network)\n' +
        '  npm test       every test, in Chromium',
    );
    process.exit(1);
  }
}

// electron-vite hands ELECTRON_CLI_ARGS to Electron; --js-flags on its command line reaches the main process.
const run = spawnSync(bin('electron-vite'), ['preview'], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_CLI_ARGS: JSON.stringify([`--js-flags=${V8_FLAGS.join(' ')}`]) },
});
process.exit(run.status ?? 1);
