/**
 * A stand-in for the `electron` module, for unit tests of the Electron glue (no Electron binary runs
 * here, and the real package would try to download one). Each test file mocks with it:
 *   vi.mock('electron', () => import('./electronMock.ts'));
 * and drives or inspects the fakes through `electronFake`.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  loaded?: string;
  sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.windows;
  }
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  shown = false;
  focused = 0;
  minimized = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.windows.push(this);
  }
  loadURL(url: string) {
    this.webContents.loaded = url;
    return Promise.resolve();
  }
  loadFile(file: string) {
    this.webContents.loaded = `file://${file}`;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused++;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
}

const handlers = new Map<string, Listener>();
export const ipcMain = {
  handle: (channel: string, handler: Listener) => handlers.set(channel, handler),
  removeHandler: (channel: string) => handlers.delete(channel),
  on: () => ipcMain,
};

class FakeApp extends EventEmitter {
  gotLock = true;
  quitCalls = 0;
  userData = '/nonexistent';
  sandboxed = false;
  setPath(name: string, value: string) {
    if (name === 'userData') this.userData = value;
  }
  requestSingleInstanceLock() {
    return this.gotLock;
  }
  quit() {
    this.quitCalls++;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`no fake path ${name}`);
    return this.userData;
  }
  getVersion() {
    return '0.0.0-test';
  }
  enableSandbox() {
    this.sandboxed = true;
  }
}
export const app = new FakeApp();

const permissionHandlers: { request?: Listener; check?: Listener } = {};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => (permissionHandlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (permissionHandlers.check = handler),
  },
};

const schemes: { privileged: unknown[]; handlers: Map<string, (request: Request) => Promise<Response>> } = {
  privileged: [],
  handlers: new Map(),
};
export const protocol = {
  registerSchemesAsPrivileged: (list: unknown[]) => schemes.privileged.push(...list),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
    schemes.handlers.set(scheme, handler),
};

/** Electron's net.fetch reads file: URLs; the fake does the same with the file system. */
export const net = {
  async fetch(url: string) {
    const fs = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    return new Response(await fs.readFile(fileURLToPath(url)));
  },
};

export const safeStorage = {
  available: false,
  backend: 'basic_text',
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
  decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
};

export const shell = { opened: [] as string[], openExternal: async (url: string) => shell.opened.push(url) };
export const dialog = {
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
};

export const electronFake = {
  handlers,
  permissionHandlers,
  schemes,
  /** A fresh start for the next test: no windows, handlers, listeners or schemes. */
  reset() {
    BrowserWindow.windows = [];
    handlers.clear();
    delete permissionHandlers.request;
    delete permissionHandlers.check;
    schemes.privileged.length = 0;
    schemes.handlers.clear();
    app.removeAllListeners();
    Object.assign(app, { gotLock: true, quitCalls: 0, sandboxed: false });
    shell.opened.length = 0;
  },
};

export default { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell };
