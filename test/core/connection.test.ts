import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { createCore, type Core } from '../../src/main/core/createCore.ts';
import { jsonFilePersistence, plainSecretBox } from '../../src/main/core/settings/persistence.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { closedPort } from '../fakes/closedPort.ts';

const GOOD_TOKEN = 'ghp_fake_valid_token_0001';
let github: FakeGithub;
let se: FakeStackExchange;
let core: Core;
let dataFolder: string;

beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [GOOD_TOKEN]: 'octocat' }, coreLimit: 5000 });
  se = await startFakeStackExchange({ keys: ['good-key-123456'] });
  dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-conn-'));
  core = createCore({
    dataFolder,
    persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
    secretBox: plainSecretBox,
    version: 'test',
    desktop: headlessDesktop(dataFolder),
  });
});
afterAll(async () => {
  await core.close();
  await github.close();
  await se.close();
});

describe('Test connection: GitHub', () => {
  it('reports ok with the login and the quota left', async () => {
    const report = await core.testConnection({ source: 'github', baseUrl: github.url, secret: GOOD_TOKEN });
    expect(report).toMatchObject({ status: 'ok', login: 'octocat', quotaMax: 5000 });
    expect(report.message).toMatch(/Connected as octocat — 4,99\d of 5,000 requests left/);
    expect(github.requests.get('rate_limit')).toBeGreaterThan(0);
  });

  it('reports a rejected token', async () => {
    const report = await core.testConnection({ source: 'github', baseUrl: github.url, secret: 'ghp_wrong' });
    expect(report.status).toBe('bad_token');
    expect(report.message).toBe('GitHub did not accept the token (HTTP 401). Check it, or create a new one.');
  });

  it('reports a spent quota with its reset time', async () => {
    const saved = github.core.remaining;
    github.core.remaining = 0;
    try {
      const report = await core.testConnection({ source: 'github', baseUrl: github.url, secret: GOOD_TOKEN });
      expect(report.status).toBe('rate_limited');
      expect(report.resetAt).toBe(new Date(github.core.reset * 1000).toISOString());
    } finally {
      github.core.remaining = saved;
    }
  });

  it('reports an unreachable host', async () => {
    const port = await closedPort();
    const report = await core.testConnection({
      source: 'github',
      baseUrl: `http://127.0.0.1:${port}`,
      secret: GOOD_TOKEN,
    });
    expect(report.status).toBe('unreachable');
    expect(report.message).toBe(
      `Cannot reach GitHub at http://127.0.0.1:${port} (ECONNREFUSED). Check the URL and your network.`,
    );
  });
});

describe('Test connection: Stack Exchange', () => {
  it('reports ok with the daily quota', async () => {
    const report = await core.testConnection({
      source: 'stackoverflow',
      baseUrl: se.url,
      secret: 'good-key-123456',
      site: 'stackoverflow',
    });
    expect(report).toMatchObject({ status: 'ok', quotaMax: 10_000 });
    expect(report.message).toMatch(/Connected to stackoverflow — 9,99\d of 10,000 requests left today/);
  });

  it('reports a rejected key from the HTTP 400 error_id body', async () => {
    const report = await core.testConnection({
      source: 'stackoverflow',
      baseUrl: se.url,
      secret: 'bad-key',
      site: 'stackoverflow',
    });
    expect(report.status).toBe('bad_token');
    expect(report.message).toMatch(
      /^Stack Exchange did not accept the key \(.+\)\. Check it, or create a new one\.$/,
    );
  });

  it('reports an unknown site', async () => {
    const report = await core.testConnection({
      source: 'stackoverflow',
      baseUrl: se.url,
      site: 'nosuchsite',
    });
    expect(report.status).toBe('error');
    expect(report.message).toMatch(/does not know the site "nosuchsite"/);
  });
});

describe('secrets never leak', () => {
  it('keeps a saved token out of the log file and out of everything the renderer gets', async () => {
    const token = 'ghp_SECRETSECRETSECRET0123456789abcdef';
    const events: unknown[] = [];
    core.onEvent((e) => events.push(e));
    const settings = await core.getSettings();
    const saved = await core.saveSettings({
      github: { ...settings.github, baseUrl: github.url, token: { action: 'set', value: token } },
      stackoverflow: { ...settings.stackoverflow, apiKey: { action: 'keep' } },
      pipeline: settings.pipeline,
    });
    const answers = [
      saved,
      await core.getSettings(),
      await core.getAppInfo(),
      await core.testConnection({ source: 'github' }),
    ];
    // A log line that carries the token by mistake must be redacted too.
    core.log.warn(`debug dump ${token}`, { header: `token ${token}` });
    const logText = fs.readFileSync((await core.getAppInfo()).logFile, 'utf8');
    expect(logText.length).toBeGreaterThan(0);
    expect(logText).toContain('[redacted]');
    expect(logText).not.toContain(token);
    for (const line of logText.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(JSON.stringify(answers)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(events).toContainEqual({ type: 'settings-changed' });
  });
});
