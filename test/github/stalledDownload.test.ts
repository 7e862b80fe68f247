import { describe, expect, it } from 'vitest';
import { withResponseTimeout } from '../../src/main/core/pipeline/responseTimeout.ts';
import { until } from '../pipeline/harness.ts';
import {
  collect,
  fakePerTest,
  githubSettings,
  KEPT_PER_REPO,
  keptFiles,
  makeRun,
  storedItems,
} from './harness.ts';

const fakeWith = fakePerTest();

/** A run whose requests time out as the pipeline's do, after `ms` without a byte. */
function timedRun(fake: Parameters<typeof githubSettings>[0], ms: number) {
  const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
  run.ctx.fetch = withResponseTimeout(fetch, ms);
  return run;
}

const ofRepo = (run: ReturnType<typeof makeRun>, repo: string) =>
  storedItems(run.db).filter((r) => r.path.startsWith(`${repo}/`));

describe('a codeload download that stops flowing', () => {
  it('is given up after the idle time and downloaded again: nothing lost, nothing skipped', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'codeload', repo: 'org1/project-1', kind: 'stall', bytes: 100 });
    const run = timedRun(fake, 300);
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.skips.archive_failed).toBeUndefined();
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(fake.requests.get('codeload')).toBe(4);
    expect(fake.requests.get('tree')).toBeUndefined();
  });

  it('that stalls again falls back to tree + blobs, its skip saying the download stalled', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'codeload', repo: 'org1/project-1', kind: 'stall', times: 10 });
    const run = timedRun(fake, 300);
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(fake.requests.get('tree')).toBe(1);
    expect(run.events).toContainEqual(
      expect.objectContaining({
        type: 'skip',
        subject: 'org1/project-1',
        reason: 'archive_failed',
        detail: expect.stringMatching(/download stalled.*no data for 0\.3 s/),
      }),
    );
    expect(ofRepo(run, 'org1/project-1')).toHaveLength(KEPT_PER_REPO - 1);
  });

  it('that trickles, slower in all than the idle time but never idle that long, is read whole', async () => {
    const fake = await fakeWith();
    fake.faults.push({
      endpoint: 'codeload',
      repo: 'org1/project-1',
      kind: 'trickle',
      bytes: 256,
      delayMs: 40,
    });
    const run = timedRun(fake, 300);
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.skips.archive_failed).toBeUndefined();
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(fake.requests.get('codeload')).toBe(3);
  });

  it('an API answer that stalls is tried again like an unreadable one', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'search', kind: 'stall', bytes: 20 });
    const run = timedRun(fake, 300);
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
  });

  it('ends within a second on cancel, with the default idle time of a minute', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'codeload', kind: 'stall', times: 10 });
    const run = timedRun(fake, 60_000);
    const work = collect(run);
    await until(() => (fake.requests.get('codeload') ?? 0) >= 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cancelledAt = Date.now();
    run.controller.abort(new Error('cancelled'));
    const result = await work;
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(result.outcome).toBe('cancelled');
    // Nothing was read in full: a resumed run reads every repository again.
    expect(result.progress.done).toBe(0);
  });
});
