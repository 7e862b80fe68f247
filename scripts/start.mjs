/**
 * `npm start`: makes sure the Electron binary is there (Electron >= 42 downloads it on demand, not on
 * install), then builds and launches the app.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const binaryPresent = () =>
  fs.existsSync('node_modules/electron/path.txt') && fs.existsSync('node_modules/electron/dist');

if (!binaryPresent()) {
  console.log('Downloading the Electron binary (first start only)…');
  const install = spawnSync(bin('install-electron'), [], { stdio: 'inherit' });
  if (install.status !== 0 || !binaryPresent()) {
    console.error(
      "\nCould not download the Electron binary: this machine cannot reach Electron's download host (no network, or a proxy blocks it).\n" +
        'Connect to the internet and run `npm start` again. Everything else works without it: `npm test` runs all tests in Chromium.',
    );
    process.exit(1);
  }
}

const run = spawnSync(bin('electron-vite'), ['preview'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
