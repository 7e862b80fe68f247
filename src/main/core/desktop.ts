/**
 * What the core asks of the desktop around it: Electron gives a native save dialog and the system
 * browser; the CLI, the tests and the browser-test bridge give stand-ins.
 */
export type DesktopIntegration = {
  /** Asks where to save a file; null when the user cancels. */
  chooseSaveFile(suggestedName: string): Promise<string | null>;
  /** Opens an http(s) link in the system browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks for a folder (the recovery screen's "choose another folder"); null when cancelled. Absent
   * without a desktop (CLI, bridge): the recovery screen's folder field is typed in.
   */
  chooseFolder?(): Promise<string | null>;
  /** Shows a file in the system file manager (its folder open, the file selected). */
  showItemInFolder(file: string): Promise<void>;
};

/**
 * For the CLI, the tests and the browser-test bridge: saves into a folder without asking, and records
 * the links it was asked to open and the files to show instead of opening them.
 */
export function headlessDesktop(
  exportFolder: string,
): DesktopIntegration & { opened: string[]; shownInFolder: string[] } {
  const opened: string[] = [];
  const shownInFolder: string[] = [];
  return {
    opened,
    shownInFolder,
    showItemInFolder: async (file) => {
      shownInFolder.push(file);
    },
    chooseSaveFile: async (suggestedName) => `${exportFolder.replace(/\/+$/, '')}/${suggestedName}`,
    openExternal: async (url) => {
      opened.push(url);
    },
  };
}
