import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from './testCore.ts';
import { type Core } from '../../src/main/core/createCore.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { inputFrom } from './settingsInput.ts';

const TOKEN = 'ghp_fake_valid_token_0001';
const KEY = 'good-key-123456';

/** A host that is not the one the secrets were saved for: it records what it is sent. */
async function startEavesdropper() {
  const seen: { url: string; authorization?: string }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"eve","items":[]}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((r) => server.close(r)) };
}

let github: FakeGithub;
let se: FakeStackExchange;
let eve: Awaited<ReturnType<typeof startEavesdropper>>;
let core: Core;

beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [TOKEN]: 'octocat' } });
  se = await startFakeStackExchange({ keys: [KEY] });
  eve = await startEavesdropper();
});
afterAll(async () => {
  await core?.close();
  await Promise.all([github.close(), se.close(), eve.close()]);
});

async function coreWithSavedSecrets(): Promise<Core> {
  await core?.close();
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-origin-'));
  core = createTestCore(dataFolder);
  const saved = await core.saveSettings(
    inputFrom((i) => {
      i.github.baseUrl = github.url;
      i.github.token = { action: 'set', value: TOKEN };
      i.stackoverflow.baseUrl = se.url;
      i.stackoverflow.apiKey = { action: 'set', value: KEY };
    }),
  );
  expect(saved.ok).toBe(true);
  return core;
}

describe('a stored secret goes only to the origin it was saved for', () => {
  it('Test connection at another address does not send the stored token or key', async () => {
    await coreWithSavedSecrets();
    const gh = await core.testConnection({ source: 'github', baseUrl: `${eve.url}/x` });
    const so = await core.testConnection({
      source: 'stackoverflow',
      baseUrl: eve.url,
      site: 'stackoverflow',
    });
    expect(eve.seen.filter((r) => r.authorization || r.url.includes(KEY))).toEqual([]);
    expect(gh.status).toBe('error');
    expect(gh.message).toBe(
      `The saved token is only sent to ${github.url}. Type it again to test ${eve.url}.`,
    );
    expect(so.message).toBe(
      `The saved key is only sent to ${new URL(se.url).origin}. Type it again to test ${eve.url}.`,
    );
    // Typed in the same call, the user's own secret goes where the user says.
    const typed = await core.testConnection({ source: 'github', baseUrl: eve.url, secret: 'ghp_typed_0001' });
    expect(typed.status).not.toBe('error');
    expect(eve.seen.at(-1)?.authorization).toBe('token ghp_typed_0001');
    // At the saved address the saved token is used, as before.
    expect((await core.testConnection({ source: 'github', baseUrl: github.url })).status).toBe('ok');
  });

  it('saving another address without a new secret clears the stored one; the same origin keeps it', async () => {
    await coreWithSavedSecrets();
    // Another path at the same origin (GitHub Enterprise style) keeps the token.
    let saved = await core.saveSettings(
      inputFrom((i) => {
        i.github.baseUrl = `${github.url}/api/v3`;
        i.stackoverflow.baseUrl = se.url;
      }),
    );
    expect(saved.ok && saved.settings.github.token.isSet).toBe(true);
    saved = await core.saveSettings(
      inputFrom((i) => {
        i.github.baseUrl = eve.url;
        i.stackoverflow.baseUrl = eve.url;
      }),
    );
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.settings.github.token).toEqual({ isSet: false, masked: '' });
    expect(saved.settings.stackoverflow.apiKey).toEqual({ isSet: false, masked: '' });
    expect(core.settings.current().github.token).toBe('');
    // A new address with a new secret keeps the new one.
    saved = await core.saveSettings(
      inputFrom((i) => {
        i.github.baseUrl = github.url;
        i.github.token = { action: 'set', value: TOKEN };
      }),
    );
    expect(saved.ok && saved.settings.github.token.isSet).toBe(true);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'ftp://example.com'])(
    'Test connection with the address %s answers the field message, not a TypeError',
    async (baseUrl) => {
      await coreWithSavedSecrets();
      const gh = await core.testConnection({ source: 'github', baseUrl });
      expect(gh).toEqual({
        source: 'github',
        status: 'error',
        message: 'Must be an http(s) URL, e.g. https://api.github.com',
      });
      const so = await core.testConnection({ source: 'stackoverflow', baseUrl });
      expect(so.message).toBe('Must be an http(s) URL, e.g. https://api.stackexchange.com/2.3');
    },
  );
});
