/**
 * `npm run bench [name]`: every benchmark in turn, each in a fresh process (with the V8 flags the app's
 * main process gets) so that one's memory does not show in the next one's figures. Figures are printed,
 * never asserted.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { V8_FLAGS } from '../scripts/v8Flags.mjs';

const BENCHES = {
  github: 'githubBench.ts',
  stackoverflow: 'stackoverflowBench.ts',
  pipeline: 'pipelineBench.ts',
  items: 'itemsBench.ts',
  // The browser harness's benchmark lives with the e2e code, which is typed for the DOM.
  'items-browser': '../e2e/bench/itemsBrowserBench.ts',
};
const only = process.argv[2];
if (only && !(only in BENCHES)) {
  console.error(`Unknown benchmark "${only}". Choose from: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const [name, file] of Object.entries(BENCHES)) {
  if (only && only !== name) continue;
  const run = spawnSync(process.execPath, [...V8_FLAGS, path.join(import.meta.dirname, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  console.log();
}
