/**
 * Builds the app (electron-vite) when out/ is missing or older than src/, so `npm run demo` and
 * `npm run test:e2e` work straight after `npm install`. Run as a script or import `ensureBuilt`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builtMarker = path.join(root, 'out', 'renderer', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or undefined when out/ is current. */
export function buildNeeded(): string | undefined {
  if (!fs.existsSync(builtMarker) || !fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
    return 'the app is not built yet';
  }
  if (newestSource(path.join(root, 'src')) > fs.statSync(builtMarker).mtimeMs)
    return 'src/ changed since the last build';
  return undefined;
}

export function ensureBuilt(): void {
  const reason = buildNeeded();
  if (!reason) return;
  console.error(`Building the app first (${reason}; about a minute)…`);
  const bin = path.join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite',
  );
  // Its output (chunk-size advice and the like) only matters when it fails.
  const result = spawnSync(bin, ['build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('The build failed (see above): fix it, or run `npm run build` to see it again.');
  }
  console.error('Built.');
}

if (import.meta.main) {
  try {
    ensureBuilt();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
