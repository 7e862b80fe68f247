#!/usr/bin/env node
/**
 * The `code-helper-ingest` command. The CLI is TypeScript on node:sqlite, so it runs on the project's
 * Node 24 (the `node` devDependency) with the app's V8 flags, whichever node started this file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { V8_FLAGS } from '../scripts/v8Flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectNode = path.join(
  root,
  'node_modules',
  'node',
  'bin',
  process.platform === 'win32' ? 'node.exe' : 'node',
);
const node = fs.existsSync(projectNode) ? projectNode : process.execPath;

const child = spawn(
  node,
  [...V8_FLAGS, path.join(root, 'src', 'main', 'cli', 'index.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the CLI itself (same process group); this process waits for it to store and exit.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
