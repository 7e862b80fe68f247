/**
 * Browser-test bridge: serves the built renderer with a web preload, and forwards `POST /rpc/:channel`
 * to the real core and core events to `GET /events` (server-sent events). Run: node e2e/harness/bridge.ts
 * [--port 5199] [--data DIR]. Also handy by hand: open the printed URL in any browser.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHANNELS, type Channel } from '../../src/shared/api.ts';
import { headlessDesktop } from '../../src/main/core/desktop.ts';
import { createCore, type Core } from '../../src/main/core/createCore.ts';
import { jsonFilePersistence, plainSecretBox } from '../../src/main/core/settings/persistence.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../../test/fixtures/itemFactory.ts';
import { webPreloadSource } from './webPreload.ts';

const { values: options } = parseArgs({
  options: { port: { type: 'string', default: '5199' }, data: { type: 'string' } },
});
const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');
const newDataFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bridge-'));
let dataFolder = options.data ?? newDataFolder();

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

let desktop = headlessDesktop(path.join(dataFolder, 'exports'));

function startCore(): Core {
  return createCore({
    dataFolder,
    persistence: jsonFilePersistence(path.join(dataFolder, 'settings.json')),
    secretBox: plainSecretBox,
    version: 'bridge',
    desktop,
  });
}

let core = startCore();
const streams = new Set<http.ServerResponse>();
let unsubscribe = core.onEvent((event) => broadcast(event));
async function replaceCore(freshDataFolder: boolean) {
  unsubscribe();
  await core.close();
  if (freshDataFolder) {
    dataFolder = newDataFolder();
    desktop = headlessDesktop(path.join(dataFolder, 'exports'));
  }
  core = startCore();
  unsubscribe = core.onEvent((event) => broadcast(event));
}
function broadcast(event: unknown) {
  for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : [];
}

function serveStatic(pathname: string, res: http.ServerResponse) {
  const file = path.join(rendererDir, pathname === '/' ? 'index.html' : pathname);
  if (!file.startsWith(rendererDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      const channel = url.pathname.slice(5) as Channel;
      if (!CHANNELS.includes(channel)) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: 'no such channel' }));
        return;
      }
      const args = (await readJson(req)) as unknown[];
      try {
        const value = await (core[channel] as (...a: unknown[]) => Promise<unknown>)(...args);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value }));
      } catch (error) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
      }
      return;
    }
    if (url.pathname === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write(':ok\n\n'); // without a first write EventSource.onopen never fires
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/web-preload.js') {
      res
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
        .end(webPreloadSource(CHANNELS));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/__test__/opened') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(desktop.opened));
      return;
    }
    if (url.pathname === '/health') {
      res.writeHead(200).end('ok');
      return;
    }
    if (
      req.method === 'POST' &&
      (url.pathname === '/__test__/reset' || url.pathname === '/__test__/restart')
    ) {
      // restart: quit and relaunch the app (same data folder). reset: a fresh install; each spec starts so.
      await replaceCore(url.pathname.endsWith('reset'));
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__test__/seed') {
      // Generated items (test/fixtures/itemFactory.ts) for the Items screen's specs.
      const count = Math.min(Number(url.searchParams.get('count') ?? 300) || 0, 100_000);
      const counts = upsertItems(
        core.db,
        makeItems(count, { seed: Number(url.searchParams.get('seed') ?? 42) }),
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__test__/clear-items') {
      core.db.exec('DELETE FROM items');
      res.writeHead(204).end();
      return;
    }
    serveStatic(url.pathname, res);
  } catch (error) {
    if (!res.headersSent) res.writeHead(500).end(String(error));
  }
});

server.listen(Number(options.port), '127.0.0.1', () => {
  console.log(`bridge: http://127.0.0.1:${options.port} (data ${dataFolder})`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void core.close().finally(() => process.exit(0));
  });
}
