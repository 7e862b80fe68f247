import { describe, expect, it } from 'vitest';
import type { Fault } from '../fakes/github/faults.ts';
import { collect, fakePerTest, githubSettings, KEPT_PER_REPO, keptFiles, makeRun } from './harness.ts';

const fakeWith = fakePerTest();

/** GitHub's "Unicorn!" page, which its front end serves when no backend answers. */
const UNICORN =
  '<!DOCTYPE html><html><head><title>Unicorn!</title></head><body>No server is currently available to service your request.</body></html>';

/** The ways a search page comes back unreadable: cut JSON, the HTML page (200 and 503), the wrong JSON. */
const UNREADABLE: Record<string, Omit<Fault, 'endpoint'>> = {
  'truncated JSON': { kind: 'malformed' },
  'an HTML page (200)': {
    kind: 'status',
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: UNICORN,
  },
  'an HTML page (503)': {
    kind: 'status',
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: UNICORN,
  },
  'JSON of another shape': { kind: 'status', status: 200, body: { message: 'Server Error', items: 'none' } },
};

/** One search (a custom query), so that its pages are the only ones. */
const oneSearch = (fake: Parameters<typeof githubSettings>[0], maxRepos = 3) =>
  githubSettings(
    fake,
    (s) => ((s.github.customQuery = 'fork:false archived:false'), (s.github.maxRepos = maxRepos)),
  );

describe('an unreadable search answer', () => {
  for (const [what, fault] of Object.entries(UNREADABLE)) {
    it(`is tried again when the first page is ${what} once, and the run collects everything`, async () => {
      const fake = await fakeWith();
      fake.faults.push({ endpoint: 'search', ...fault });
      const run = makeRun(oneSearch(fake));
      const result = await collect(run);
      expect(result.outcome).toBe('completed');
      expect(result.progress.errors).toBe(0);
      expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
      expect(fake.requests.get('search')).toBe(2);
    });

    it(`fails the source, saying so, when the first page stays ${what}; never "only 0 match"`, async () => {
      const fake = await fakeWith();
      fake.faults.push({ endpoint: 'search', ...fault, times: 100 });
      const run = makeRun(oneSearch(fake));
      const result = await collect(run);
      expect(result.outcome).toBe('failed');
      expect(result.reason).toMatch(/could not read GitHub's search answer/);
      expect(result.reason).not.toMatch(/only 0/);
      // GitHub's HTML page is named, not quoted.
      expect(result.reason).not.toMatch(/<html>/i);
      if (/HTML/.test(what)) expect(result.reason).toMatch(/an HTML page \("Unicorn!"\)/);
      expect(result.progress.errors).toBe(1);
      // The first try and three more, no more.
      expect(fake.requests.get('search')).toBe(4);
    });
  }

  it('a later page that stays unreadable costs only that page, and the run does not claim how many match', async () => {
    const fake = await fakeWith({ corpus: { repos: 150 } });
    fake.faults.push({ endpoint: 'search', page: 2, kind: 'malformed', times: 4 });
    const run = makeRun(oneSearch(fake, 200));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(1);
    // The first page's 100; the second page's are not there.
    expect(result.progress.done).toBe(100);
    expect(result.reason).toMatch(/1 search page could not be read/);
    expect(result.reason).not.toMatch(/only \d+ repositories match/);
  });
});
