import { app, BrowserWindow, session } from 'electron';
import { createCore } from './core/createCore.ts';
import { settingsInputOf } from './core/settings/settingsInput.ts';
import { demoEnvironment } from './demoEnvironment.ts';
import { electronDesktop } from './desktop.ts';
import { forwardEvents, registerIpc } from './ipc.ts';
import { denyAllPermissions } from './permissions.ts';
import { registerRendererScheme, serveRenderer } from './rendererProtocol.ts';
import { electronStorePersistence, safeStorageSecretBox } from './secureSettings.ts';
import { createMainWindow, isTrustedRendererUrl } from './window.ts';

export type AppPaths = {
  preloadDir: string;
  rendererDir: string;
  /** The item query threads' module as electron-vite built it. */
  itemQueryWorker: string;
};

/**
 * The Electron main process: one instance per user (a second start focuses the first window and quits),
 * permissions denied, the renderer served from app://bundle/, the core (which opens whatever state the
 * database is in: the window shows recovery then), IPC with a sender check, and a quit that lets a run
 * store what it has. Answers false when another instance has the lock.
 */
export async function startApp(paths: AppPaths, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  // Two processes of the app on one data folder would run two runs and fight over the window state.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.enableSandbox();
  registerRendererScheme();
  const demo = demoEnvironment(env);
  if (demo) app.setPath('userData', demo.dataFolder);

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(paths.rendererDir);
  let window: BrowserWindow | undefined;
  const core = createCore({
    desktop: electronDesktop(() => window),
    dataFolder: app.getPath('userData'),
    persistence: electronStorePersistence(app.getPath('userData')),
    secretBox: safeStorageSecretBox(),
    version: app.getVersion(),
    itemQueryWorker: paths.itemQueryWorker,
    processKind: 'app',
    checkIntegrity: true,
  });
  if (demo) core.settings.save(settingsInputOf(demo.settings));
  core.log.info('App started', { version: app.getVersion(), electron: process.versions.electron });
  registerIpc(core, (url) => isTrustedRendererUrl(url));

  window = createMainWindow(paths.preloadDir);
  forwardEvents(core, () => window?.webContents);

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(paths.preloadDir);
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
  return true;
}
