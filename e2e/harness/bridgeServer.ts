/**
 * The browser bridge: serves the built renderer with a web preload, and forwards `POST /rpc/:channel`
 * to the real core and core events to `GET /events` (server-sent events). The e2e tests start it
 * through bridge.ts (with test hooks); `npm run demo` starts it pointed at the demo servers.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS, type Channel } from '../../src/shared/api.ts';
import type { Settings } from '../../src/shared/settings.ts';
import { createCore, type Core } from '../../src/main/core/createCore.ts';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { jsonFilePersistence, plainSecretBox } from '../../src/main/core/settings/persistence.ts';
import { settingsInputOf } from '../../src/main/core/settings/settingsInput.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { DAMAGE_KINDS, damageDatabase, type DamageKind } from '../../test/fixtures/damageDatabase.ts';
import { makeItems } from '../../test/fixtures/itemFactory.ts';
import { webPreloadSource } from './webPreload.ts';

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');

export type BridgeOptions = {
  /** 0 picks a free port. */
  port: number;
  /** A folder of the caller's, kept; otherwise a temporary one per install, removed on reset and close. */
  dataFolder?: string;
  /** Settings saved at start (with their secrets), e.g. the demo's. */
  settings?: Settings;
  /** The /__test__/ endpoints the e2e specs use: reset, restart, damage, seed, clear-items, opened, shown. */
  testHooks?: boolean;
};

export type Bridge = { url: string; dataFolder(): string; close(): Promise<void> };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const json = (res: http.ServerResponse, value: unknown, status = 200) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : [];
}

function serveStatic(pathname: string, res: http.ServerResponse) {
  const file = path.join(RENDERER_DIR, pathname === '/' ? 'index.html' : pathname);
  if (pathname === '/' && !fs.existsSync(file)) {
    res
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built: run `npm run build`, then reload.');
    return;
  }
  if (!file.startsWith(RENDERER_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end('not found');
    return;
  }
  let body: string | Buffer = fs.readFileSync(file);
  if (file.endsWith('index.html')) {
    // The preload runs before the page's scripts in Electron; a plain script tag ahead of them does here.
    body = body.toString('utf8').replace('<head>', '<head>\n    <script src="/web-preload.js"></script>');
  }
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  res.end(body);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const temporary = new Set<string>();
  const newDataFolder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bridge-'));
    temporary.add(dir);
    return dir;
  };
  const removeTemporary = (keep?: string) => {
    for (const dir of temporary) {
      if (dir === keep) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      temporary.delete(dir);
    }
  };
  let dataFolder = options.dataFolder ?? newDataFolder();
  let desktop = headlessDesktop(path.join(dataFolder, 'exports'));

  const startCore = (): Core =>
    createCore({
      dataFolder,
      persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
      secretBox: plainSecretBox,
      version: 'bridge',
      desktop,
      checkIntegrity: true,
    });

  let core = startCore();
  if (options.settings) {
    const saved = core.settings.save(settingsInputOf(options.settings));
    if (!saved.ok) throw new Error(`Settings not saved: ${JSON.stringify(saved.errors)}`);
  }
  const streams = new Set<http.ServerResponse>();
  const broadcast = (event: unknown) => {
    for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  let unsubscribe = core.onEvent(broadcast);

  async function replaceCore(freshDataFolder: boolean, beforeStart?: () => void) {
    unsubscribe();
    await core.close();
    beforeStart?.();
    if (freshDataFolder) {
      dataFolder = newDataFolder();
      removeTemporary(dataFolder);
      desktop = headlessDesktop(path.join(dataFolder, 'exports'));
    }
    core = startCore();
    unsubscribe = core.onEvent(broadcast);
  }

  async function testHook(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<boolean> {
    if (url.pathname === '/__test__/opened') {
      json(res, desktop.opened);
    } else if (url.pathname === '/__test__/shown') {
      json(res, desktop.shownInFolder);
    } else if (req.method !== 'POST') {
      return false;
    } else if (url.pathname === '/__test__/reset' || url.pathname === '/__test__/restart') {
      // restart: quit and relaunch the app (same data folder). reset: a fresh install; each spec starts so.
      await replaceCore(url.pathname.endsWith('reset'));
      res.writeHead(204).end();
    } else if (url.pathname === '/__test__/damage') {
      // Quit, damage the database one of the ways a user's machine does, relaunch: the recovery screen.
      const kind = url.searchParams.get('kind') as DamageKind;
      if (!DAMAGE_KINDS.includes(kind)) {
        res.writeHead(400).end(`kind is one of ${DAMAGE_KINDS.join(', ')}`);
        return true;
      }
      const { databaseFile } = await core.getStorageState();
      await replaceCore(false, () => damageDatabase(databaseFile, kind));
      res.writeHead(204).end();
    } else if (url.pathname === '/__test__/seed') {
      // Generated items (test/fixtures/itemFactory.ts) for the Items screen's specs.
      const count = Math.min(Number(url.searchParams.get('count') ?? 300) || 0, 100_000);
      json(res, upsertItems(core.db, makeItems(count, { seed: Number(url.searchParams.get('seed') ?? 42) })));
    } else if (url.pathname === '/__test__/clear-items') {
      core.db.exec('DELETE FROM items');
      res.writeHead(204).end();
    } else {
      return false;
    }
    return true;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        const channel = url.pathname.slice(5) as Channel;
        if (!CHANNELS.includes(channel)) return json(res, { ok: false, error: 'no such channel' }, 404);
        const args = (await readJson(req)) as unknown[];
        try {
          const value = await (core[channel] as (...a: unknown[]) => Promise<unknown>)(...args);
          json(res, { ok: true, value });
        } catch (error) {
          json(res, { ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      } else if (url.pathname === '/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
        });
        res.write(':ok\n\n'); // without a first write EventSource.onopen never fires
        streams.add(res);
        req.on('close', () => streams.delete(res));
      } else if (url.pathname === '/web-preload.js') {
        res
          .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
          .end(webPreloadSource(CHANNELS));
      } else if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
      } else if (url.pathname === '/health') {
        res.writeHead(200).end('ok');
      } else if (!(
        options.testHooks &&
        url.pathname.startsWith('/__test__/') &&
        (await testHook(req, url, res))
      )) {
        serveStatic(url.pathname, res);
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataFolder: () => dataFolder,
    async close() {
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      unsubscribe();
      await core.close();
      removeTemporary();
    },
  };
}
