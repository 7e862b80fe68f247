import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { registerIpc } from '../../src/main/ipc.ts';
import { denyAllPermissions } from '../../src/main/permissions.ts';
import { RENDERER_PAGE, rendererRequestHandler } from '../../src/main/rendererProtocol.ts';
import { startApp } from '../../src/main/startApp.ts';
import { createMainWindow, isTrustedRendererUrl } from '../../src/main/window.ts';
import type { Core } from '../../src/main/core/createCore.ts';
import type { StorageState } from '../../src/shared/storage.ts';
import { damageDatabase } from '../fixtures/damageDatabase.ts';
import { app, BrowserWindow, electronFake, session, shell } from './electronMock.ts';

vi.mock('electron', () => import('./electronMock.ts'));

beforeEach(() => electronFake.reset());

const ITEM_QUERY_WORKER = path.resolve('src/main/core/items/itemQueryWorker.ts');

describe('the main window', () => {
  it('is isolated and sandboxed, without Node or webviews, and loads the app:// page', () => {
    const window = createMainWindow('/app/preload') as unknown as BrowserWindow;
    expect(window.options.webPreferences).toEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window.webContents.loaded).toBe('app://bundle/index.html');
  });

  it('opens http(s) links in the browser, nothing else, and never navigates or attaches a webview', () => {
    const window = createMainWindow('/app/preload') as unknown as BrowserWindow;
    const open = (url: string) => window.webContents.windowOpenHandler!({ url });
    expect(open('https://github.com/o/r')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://github.com/o/r']);
    for (const event of ['will-navigate', 'will-attach-webview']) {
      let prevented = false;
      window.webContents.emit(event, { preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
  });
});

describe('IPC sender check', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
  const core = { getAppInfo: async () => 'answered' } as unknown as Core;

  it('answers only the top frame of app://bundle/index.html', async () => {
    registerIpc(core, (url) => isTrustedRendererUrl(url, undefined));
    const handler = electronFake.handlers.get('getAppInfo')!;
    expect(await handler(frame(`${RENDERER_PAGE}#/settings`))).toBe('answered');
    expect(await handler(frame(`${RENDERER_PAGE}?x=1`))).toBe('answered');
    for (const url of [
      'file:///opt/app/out/renderer/index.html',
      'app://bundle/other.html',
      'app://evil/index.html',
      'https://bundle/index.html',
      'not a url',
    ]) {
      expect(() => handler(frame(url)), url).toThrow(`Refused IPC from ${url}`);
    }
    expect(() => handler(frame(RENDERER_PAGE, { url: 'x' }))).toThrow('Refused IPC');
    expect(() => handler({ senderFrame: null })).toThrow('Refused IPC from an unknown frame');
  });

  it('in development, the dev server’s origin only (not a host that starts like it)', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/#/items', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173.evil.test/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    denyAllPermissions(session.defaultSession as unknown as Electron.Session);
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'midi',
      'openExternal',
    ]) {
      const answers: boolean[] = [];
      electronFake.permissionHandlers.request!({}, permission, (granted: boolean) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(electronFake.permissionHandlers.check!({}, permission)).toBe(false);
    }
  });
});

describe('app://bundle/ serves the renderer bundle and nothing else', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'not for the window');
  const bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bundle-'));
  fs.writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(bundle, 'assets'));
  fs.writeFileSync(path.join(bundle, 'assets', 'index.js'), 'console.log(1)');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(bundle, 'assets', 'link.txt'));
  const handle = rendererRequestHandler(bundle, async (url) => new Response(`served ${url}`));
  const get = async (url: string, method = 'GET') => {
    const response = await handle(new Request(url, { method }));
    return { status: response.status, body: await response.text() };
  };

  it('answers the bundle’s files', async () => {
    expect(await get('app://bundle/index.html')).toEqual({
      status: 200,
      body: `served file://${fs.realpathSync(bundle)}/index.html`,
    });
    expect((await get('app://bundle/')).body).toMatch(/\/index\.html$/);
    expect((await get('app://bundle/assets/index.js?v=2')).body).toMatch(/\/assets\/index\.js$/);
  });

  it.each([
    'app://bundle/../' + path.basename(outside) + '/secret.txt',
    'app://bundle/%2e%2e/' + path.basename(outside) + '/secret.txt',
    'app://bundle/..%2f' + path.basename(outside) + '%2fsecret.txt',
    'app://bundle/assets/link.txt',
    'app://bundle/assets',
    'app://bundle/missing.js',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
  ])('404 for %s', async (url) => {
    expect(await get(url)).toEqual({ status: 404, body: 'not found' });
  });

  it('404 for anything but GET', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(404);
  });
});

describe('starting the app', () => {
  function userData() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-app-'));
    app.setPath('userData', folder);
    return folder;
  }
  const paths = {
    preloadDir: '/app/preload',
    rendererDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chi-r-')),
    itemQueryWorker: ITEM_QUERY_WORKER,
  };

  /** Quits as the user would, letting the core close. */
  async function quit() {
    const quits = app.quitCalls;
    app.emit('will-quit', { preventDefault: () => undefined });
    await vi.waitUntil(() => app.quitCalls > quits);
  }

  it('a second instance quits at once and opens no window', async () => {
    userData();
    app.gotLock = false;
    expect(await startApp(paths, {})).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.windows).toHaveLength(0);
  });

  it('the first instance locks down the session, serves app://, opens the window, and focuses it for a second start', async () => {
    userData();
    expect(await startApp(paths, {})).toBe(true);
    expect(app.sandboxed).toBe(true);
    expect(electronFake.schemes.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...electronFake.schemes.handlers.keys()]).toEqual(['app']);
    expect(electronFake.permissionHandlers.request).toBeDefined();
    const [window] = BrowserWindow.windows;
    expect(window.webContents.loaded).toBe(RENDERER_PAGE);
    window.minimized = true;
    app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(1);
    await quit();
  });

  it('opens its window even when the database is damaged (the page shows recovery)', async () => {
    const folder = userData();
    const file = path.join(folder, DATABASE_FILE_NAME);
    openDatabase(file).close();
    damageDatabase(file, 'garbage-header');
    expect(await startApp(paths, {})).toBe(true);
    expect(BrowserWindow.windows).toHaveLength(1);
    const state = (await electronFake.handlers.get('getStorageState')!({
      senderFrame: { url: RENDERER_PAGE, parent: null },
    })) as StorageState;
    expect(state.problem).toMatchObject({ kind: 'not-a-database', path: file });
    await quit();
  });
});
