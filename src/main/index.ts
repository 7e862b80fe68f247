import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createCore } from './core/createCore.ts';
// electron-vite builds the query threads' module as a file of its own and gives its path.
// eslint-disable-next-line boundaries/no-unknown-dependencies -- the "?modulePath" suffix is electron-vite's, not a file
import itemQueryWorker from './core/items/itemQueryWorker.ts?modulePath';
import { settingsInputOf } from './core/settings/settingsInput.ts';
import { demoEnvironment } from './demoEnvironment.ts';
import { electronDesktop } from './desktop.ts';
import { forwardEvents, registerIpc } from './ipc.ts';
import { electronStorePersistence, safeStorageSecretBox } from './secureSettings.ts';
import { createMainWindow, isTrustedRendererUrl } from './window.ts';

const preloadDir = path.join(__dirname, '../preload');
const rendererDir = path.join(__dirname, '../renderer');

app.enableSandbox();
const demo = demoEnvironment(process.env);
if (demo) app.setPath('userData', demo.dataFolder);

async function start() {
  await app.whenReady();
  let window: BrowserWindow | undefined;
  const core = createCore({
    desktop: electronDesktop(() => window),
    dataFolder: app.getPath('userData'),
    persistence: electronStorePersistence(app.getPath('userData')),
    secretBox: safeStorageSecretBox(),
    version: app.getVersion(),
    itemQueryWorker,
  });
  if (demo) core.settings.save(settingsInputOf(demo.settings));
  core.log.info('App started', { version: app.getVersion(), electron: process.versions.electron });
  registerIpc(core, (url) => isTrustedRendererUrl(url, rendererDir));

  window = createMainWindow(preloadDir, rendererDir);
  forwardEvents(core, () => window?.webContents);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(preloadDir, rendererDir);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Let a run in progress store what it has before the database closes.
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

void start();
