import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { RENDERER_PAGE } from './rendererProtocol.ts';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * The main window, locked down: isolated, sandboxed, no Node, no webviews, no navigation, no new windows;
 * the page comes from app://bundle/ (rendererProtocol.ts), or the dev server in development.
 */
export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Code Helper Ingest',
    backgroundColor: '#1a1b1e',
    webPreferences: {
      preload: path.join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to GitHub / Stack Overflow open in the system browser, never inside the app.
    if (isHttpUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  void window.loadURL(process.env.ELECTRON_RENDERER_URL || RENDERER_PAGE);
  return window;
}

/**
 * Whether an IPC call comes from our own page: app://bundle/index.html (any query or hash), or the dev
 * server's origin in development. Compared as parsed URLs, never as prefixes (http://localhost:5173.evil).
 */
export function isTrustedRendererUrl(url: string, devServer = process.env.ELECTRON_RENDERER_URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServer) return parsed.origin === new URL(devServer).origin;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}` === RENDERER_PAGE;
}
