import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/** The main window, locked down: isolated, sandboxed, no Node, no navigation, no new windows. */
export function createMainWindow(preloadDir: string, rendererDir: string): BrowserWindow {
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

  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(path.join(rendererDir, 'index.html'));
  return window;
}

/** Whether an IPC call comes from our own page (the dev server or the packaged file). */
export function isTrustedRendererUrl(url: string, rendererDir: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) return url.startsWith(devServer);
  const page = pathToFileURL(path.join(rendererDir, 'index.html')).href;
  return url.split(/[?#]/)[0] === page;
}
