import { BrowserWindow, dialog, shell } from 'electron';
import type { DesktopIntegration } from './core/desktop.ts';

/** The native save dialog and the system browser. */
export function electronDesktop(window: () => BrowserWindow | undefined): DesktopIntegration {
  return {
    async chooseSaveFile(suggestedName) {
      const owner = window();
      const options = { defaultPath: suggestedName };
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder() {
      const owner = window();
      const options = {
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showItemInFolder(file) {
      shell.showItemInFolder(file);
    },
    async openExternal(url) {
      if (!/^https?:\/\//i.test(url)) throw new Error('Only http(s) links open in the browser');
      await shell.openExternal(url);
    },
  };
}
