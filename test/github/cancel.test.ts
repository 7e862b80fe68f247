import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_COLLECTORS, runWith, until } from '../pipeline/harness.ts';
import { collect, fakePerTest, githubSettings, makeRun, TOKEN } from './harness.ts';

const fakeWith = fakePerTest();

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long after `cancel()` the promise settles. */
async function settleAfterCancel<T>(work: Promise<T>, cancel: () => void): Promise<{ value: T; ms: number }> {
  const cancelledAt = Date.now();
  cancel();
  const value = await work;
  return { value, ms: Date.now() - cancelledAt };
}

describe('cancel ends every wait at once', () => {
  it('does not retry an aborted request (Octokit reports it as a 500)', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', kind: 'hang', times: 10 });
    const run = makeRun(githubSettings(fake, (s) => (s.pipeline.githubConcurrency = 1)));
    // The production backoff (1, 4, 9 s), which the retry plugin would wait before retrying the abort.
    const work = collect(run, { searchMinTimeMs: 0, progressIntervalMs: 50 });
    await until(() => (fake.requests.get('tarball') ?? 0) === 1);
    const { value, ms } = await settleAfterCancel(work, () => run.controller.abort(new Error('cancelled')));
    expect(value.outcome).toBe('cancelled');
    expect(ms).toBeLessThan(1000);
    await pause(1500);
    expect(fake.requests.get('tarball')).toBe(1);
  });

  it('ends the backoff between retries of a 500', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', kind: 'status', status: 500, times: 10 });
    const run = makeRun(githubSettings(fake, (s) => (s.pipeline.githubConcurrency = 1)));
    const work = collect(run, { searchMinTimeMs: 0, progressIntervalMs: 50, retryBaseMs: 5000 });
    await until(() => (fake.requests.get('tarball') ?? 0) === 1);
    await pause(50);
    const { value, ms } = await settleAfterCancel(work, () => run.controller.abort(new Error('cancelled')));
    expect(value.outcome).toBe('cancelled');
    expect(ms).toBeLessThan(1000);
    expect(fake.requests.get('tarball')).toBe(1);
  });

  it('ends a secondary limit wait and the search spacing queue', async () => {
    const fake = await fakeWith();
    fake.secondaryLimits.push({ onRequest: 1, windowSeconds: 60 });
    const run = makeRun(githubSettings(fake));
    const work = collect(run, { searchMinTimeMs: 30_000, progressIntervalMs: 50 });
    await until(() => run.events.some((e) => e.type === 'wait'));
    const { value, ms } = await settleAfterCancel(work, () => run.controller.abort(new Error('cancelled')));
    expect(value.outcome).toBe('cancelled');
    expect(ms).toBeLessThan(1000);
  });

  it('ends a run whose health check waits on a request that never answers', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'rate_limit', kind: 'hang', times: 10 });
    const settings = githubSettings(fake);
    settings.pipeline.stackoverflowEnabled = false;
    const { handle } = runWith(settings, undefined, { collectors: FAST_COLLECTORS });
    await until(() => (fake.requests.get('rate_limit') ?? 0) === 1);
    const { value, ms } = await settleAfterCancel(handle.done, () => handle.cancel());
    expect(value.status).toBe('cancelled');
    expect(ms).toBeLessThan(1000);
  });

  it('Ctrl-C ends the CLI within a second, whatever it waits on', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', kind: 'status', status: 502, times: 100 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cancel-'));
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        github: { baseUrl: fake.url, languages: ['python'], minStars: 0, pushedAfter: '', minRepoSizeKb: 0 },
        pipeline: { stackoverflowEnabled: false, githubConcurrency: 1 },
      }),
    );
    const child = spawn(
      process.execPath,
      [path.resolve('src/main/cli/index.ts'), 'collect', '--settings', file, '--data', dir],
      { env: { ...process.env, GITHUB_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // In the backoff after the first 502 (1 s, then 4 s, then 9 s).
    await until(() => (fake.requests.get('tarball') ?? 0) >= 1, 20_000);
    await pause(100);
    const { value: code, ms } = await settleAfterCancel(exited, () => child.kill('SIGINT'));
    expect(code, output).toBe(130);
    expect(ms).toBeLessThan(1500);
    expect(fake.requests.get('tarball')).toBe(1);
  });
});
