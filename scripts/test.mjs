/**
 * Runs every test layer in order and prints a count per layer, then one closing line:
 * "tests: N passed, N failed, N skipped". Used by `npm test` and by .ci/run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './systemPackages.mjs';

const report = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-test-'));
// Every temporary folder of every layer goes under the report folder, removed at the end.
const tmp = path.join(report, 'tmp');
fs.mkdirSync(tmp);
process.env.TMPDIR = tmp;
const layers = [];
const bin = (name) => path.join('node_modules', '.bin', name);

function step(name, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  const counts = readCounts(options.counts) ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  // A layer that failed with no failed test (a crashed worker, an unhandled error) still counts as one.
  if (!ok && counts.failed === 0) counts.failed = 1;
  layers.push({ name, ok, seconds, ...counts });
  if (!ok) finish(1);
}

/** The layer's own counts, or none when its report is missing or unreadable (it crashed first). */
function readCounts(counts) {
  try {
    return counts?.();
  } catch {
    return undefined;
  }
}

function vitestCounts() {
  const r = JSON.parse(fs.readFileSync(path.join(report, 'vitest.json'), 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts() {
  const r = JSON.parse(fs.readFileSync(path.join(report, 'playwright.json'), 'utf8'));
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
}

function finish(code) {
  console.log('\n=== Summary');
  for (const l of layers) {
    console.log(
      `${l.ok ? 'ok  ' : 'FAIL'} ${l.name.padEnd(34)} ${String(l.passed).padStart(4)} passed ${String(l.failed).padStart(3)} failed ${String(l.skipped).padStart(3)} skipped  ${l.seconds}s`,
    );
  }
  const total = (k) => layers.reduce((n, l) => n + l[k], 0);
  console.log(`tests: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
  fs.rmSync(report, { recursive: true, force: true });
  process.exit(code);
}

try {
  ensureChromium();
} catch (error) {
  console.error(String(error.message ?? error));
  process.exit(1);
}

step(
  '1. vitest (unit + integration)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(report, 'vitest.json')}`],
  {
    counts: vitestCounts,
  },
);
step('2a. tsc --noEmit', 'npm', ['run', '-s', 'typecheck']);
step('2b. eslint + prettier --check', 'npm', ['run', '-s', 'lint']);
step('3a. electron-vite build', bin('electron-vite'), ['build']);
step(
  '3b. bundles + bundled query thread',
  'node',
  ['scripts/checkBundles.ts', path.join(report, 'bundles.json')],
  {
    counts: () => {
      const file = path.join(report, 'bundles.json');
      return fs.existsSync(file)
        ? JSON.parse(fs.readFileSync(file, 'utf8'))
        : { passed: 0, failed: 1, skipped: 0 };
    },
  },
);
const needsDisplay = !process.env.DISPLAY && fs.existsSync('node_modules/electron/path.txt');
step(
  '4+5. playwright (web + electron)',
  needsDisplay ? 'xvfb-run' : bin('playwright'),
  [...(needsDisplay ? ['-a', bin('playwright')] : []), 'test', '--reporter=list,json'],
  {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(report, 'playwright.json') },
    counts: playwrightCounts,
  },
);
finish(0);
