import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/createCore.ts';
import { createTestCore } from '../core/testCore.ts';
import { groupErrors } from '../../src/main/core/store/runDetails.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { bothSources, FAST_COLLECTORS, GITHUB_TOKEN, SE_KEY, until } from '../pipeline/harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
let core: Core;
let runId: number;

beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [GITHUB_TOKEN]: 'octocat' }, corpus: { repos: 4 } });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 120 } });
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-run-details-'));
  core = createTestCore(dataFolder, { pipeline: { collectors: FAST_COLLECTORS, snapshotIntervalMs: 50 } });
  // GitHub refuses the token; Stack Overflow keeps one answer a question and skips the rest.
  const s = bothSources(github, se, (x) => (x.stackoverflow.maxAnswersPerQuestion = 1));
  const saved = await core.saveSettings({
    github: { ...s.github, token: { action: 'set', value: 'ghp_this_token_is_wrong_0000' } },
    stackoverflow: { ...s.stackoverflow, apiKey: { action: 'set', value: SE_KEY } },
    pipeline: s.pipeline,
  });
  expect(saved.ok).toBe(true);
  runId = (await core.startRun({})).runId;
  await until(
    () =>
      false ===
      ['running', 'paused'].includes(
        core.db.prepare('SELECT status FROM runs WHERE id = ?').get(runId)!.status as string,
      ),
  );
});
afterAll(async () => {
  await core.close();
  await github.close();
  await se.close();
});

describe('a run page through the Api (getRun, listSkips)', () => {
  it('gives the settings used (without secrets), the outcome, each source, errors grouped and skips by reason', async () => {
    const details = (await core.getRun(runId))!;
    expect(details.summary).toMatchObject({
      id: runId,
      status: 'partial',
      outcome: 'completed with 1 source failed',
    });
    expect(details.summary.sources.github).toMatchObject({ status: 'failed' });
    expect(details.summary.sources.stackoverflow).toMatchObject({ status: 'completed' });
    expect(details.settings.github.token).toBe('(set)');
    expect(JSON.stringify(details)).not.toContain('ghp_this_token_is_wrong_0000');
    expect(JSON.stringify(details)).not.toContain(SE_KEY);
    expect(details.settings.stackoverflow.maxAnswersPerQuestion).toBe(1);
    expect(details.errors[0]).toMatchObject({ source: 'github', count: 1 });
    expect(details.errors[0].message).toMatch(/token/);
    const answerLimit = details.skips.find((s) => s.reason === 'answer_limit');
    expect(answerLimit).toMatchObject({ source: 'stackoverflow' });
    expect(answerLimit!.count).toBeGreaterThan(0);
  });

  it('lists the skips behind a reason, narrowed by words, page by page', async () => {
    const details = (await core.getRun(runId))!;
    const reason = details.skips[0];
    const all = await core.listSkips(runId, {
      reason: reason.reason,
      source: reason.source,
      offset: 0,
      limit: 500,
    });
    expect(all.total).toBe(reason.count);
    expect(all.rows.every((r) => r.reason === reason.reason)).toBe(true);
    const page = await core.listSkips(runId, { reason: reason.reason, offset: 1, limit: 2 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(1, 3).map((r) => r.id));

    const subject = all.rows[0].subject;
    const words = await core.listSkips(runId, { text: subject, offset: 0, limit: 50 });
    expect(words.rows.map((r) => r.subject)).toContain(subject);
    expect(words.total).toBeLessThan(all.total + 1);
    // LIKE's wildcards are plain characters in a search.
    expect((await core.listSkips(runId, { text: '%', offset: 0, limit: 5 })).total).toBe(0);
    expect((await core.listSkips(runId, { text: '_', offset: 0, limit: 5 })).total).toBe(0);
  });

  it('answers null for a run that does not exist, and rejects bad arguments', async () => {
    expect(await core.getRun(99_999)).toBeNull();
    await expect(core.getRun(0)).rejects.toThrow();
    await expect(core.listSkips(runId, { offset: -1, limit: 10 })).rejects.toThrow();
    await expect(core.listSkips(runId, { offset: 0, limit: 10_000 })).rejects.toThrow();
  });
});

describe('groupErrors', () => {
  it('counts repeated messages per source, most frequent first, and keeps unprefixed ones', () => {
    expect(
      groupErrors([
        'github: timed out',
        'stackoverflow: quota spent',
        'github: timed out',
        'database is locked',
      ]),
    ).toEqual([
      { source: 'github', message: 'timed out', count: 2 },
      { source: 'stackoverflow', message: 'quota spent', count: 1 },
      { message: 'database is locked', count: 1 },
    ]);
  });
});
