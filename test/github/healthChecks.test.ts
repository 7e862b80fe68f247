import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGithubConnection } from '../../src/main/core/github/githubHealth.ts';
import { checkStackExchangeConnection } from '../../src/main/core/stackexchange/seHealth.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { TOKEN } from './harness.ts';

const SE_KEY = 'fake-se-key-0001';
let github: FakeGithub;
let se: FakeStackExchange;
beforeAll(async () => {
  github = await startFakeGithub();
  se = await startFakeStackExchange({ keys: [SE_KEY] });
});
afterAll(async () => {
  await github.close();
  await se.close();
});

/** Short tries for tests: 200 ms without an answer is a timeout, backoff 20, 80, 180 ms. */
const QUICK = { timeoutMs: 200, retryBaseMs: 20 };
const checkGithub = () => checkGithubConnection({ baseUrl: github.url, token: TOKEN }, QUICK);
const checkSe = () =>
  checkStackExchangeConnection({ baseUrl: se.url, key: SE_KEY, site: 'stackoverflow' }, QUICK);
const made = (fake: { requests: Map<string, number> }, endpoint: string, run: () => Promise<unknown>) => {
  const before = fake.requests.get(endpoint) ?? 0;
  return run().then((result) => ({ result, requests: (fake.requests.get(endpoint) ?? 0) - before }));
};

describe('health checks try transient failures again before calling a source unavailable', () => {
  it('GitHub: one 500 on /user', async () => {
    github.faults.push({ endpoint: 'user', kind: 'status', status: 500 });
    const { result, requests } = await made(github, 'user', checkGithub);
    expect(result).toMatchObject({ status: 'ok', login: 'octocat' });
    expect(requests).toBe(2);
  });

  it('GitHub: a reset connection and a request that never answers', async () => {
    github.faults.push({ endpoint: 'rate_limit', kind: 'reset' }, { endpoint: 'user', kind: 'hang' });
    const { result, requests } = await made(github, 'user', checkGithub);
    expect(result).toMatchObject({ status: 'ok', login: 'octocat' });
    expect(requests).toBe(2);
  });

  it('GitHub: gives up after a few tries and says what it got', async () => {
    github.faults.push({ endpoint: 'rate_limit', kind: 'status', status: 503, times: 10 });
    const { result, requests } = await made(github, 'rate_limit', checkGithub);
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/GitHub answered 503/) });
    expect(requests).toBe(4);
    github.faults.length = 0;
  });

  it('Stack Exchange: one 503, a reset connection, a request that never answers', async () => {
    se.faults.push({ method: 'info', kind: 'http', status: 503 });
    expect((await made(se, 'info', checkSe)).result).toMatchObject({ status: 'ok' });
    se.faults.push({ method: 'info', kind: 'reset' });
    expect((await made(se, 'info', checkSe)).result).toMatchObject({ status: 'ok' });
    se.faults.push({ method: 'info', kind: 'slow', ms: 5000 });
    const { result, requests } = await made(se, 'info', checkSe);
    expect(result).toMatchObject({ status: 'ok' });
    expect(requests).toBe(2);
  });

  it('Stack Exchange: gives up after a few tries; a rejected key is not tried again', async () => {
    se.faults.push({ method: 'info', kind: 'http', status: 502, times: 10 });
    const down = await made(se, 'info', checkSe);
    expect(down.result).toMatchObject({ status: 'error' });
    expect(down.requests).toBe(4);
    se.faults.length = 0;
    const { result, requests } = await made(se, 'info', () =>
      checkStackExchangeConnection({ baseUrl: se.url, key: 'wrong', site: 'stackoverflow' }, QUICK),
    );
    expect(result).toMatchObject({ status: 'bad_token' });
    expect(requests).toBe(1);
  });
});
