/** An export the user started, while it runs and after it ends (until dismissed). */
export type ExportState = {
  exportId: string;
  file: string;
  done: number;
  total: number;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  error?: string;
};

/** The file's name and its folder, for paths of either platform. */
export function splitPath(file: string): { name: string; folder: string } {
  const at = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return at < 0 ? { name: file, folder: '' } : { name: file.slice(at + 1), folder: file.slice(0, at) || '/' };
}

const count = (n: number) => n.toLocaleString();
const items = (n: number) => `${count(n)} item${n === 1 ? '' : 's'}`;

/** What the export's line says, from "Preparing the export…" to where the file went. */
export function exportStatusText(e: ExportState): string {
  const { name, folder } = splitPath(e.file);
  switch (e.status) {
    case 'running':
      // Nothing is counted before the first batch: say what is happening, not "0 / 0".
      return e.total === 0
        ? `Preparing the export to ${name}…`
        : `Exporting ${count(e.done)} of ${items(e.total)} to ${name}`;
    case 'completed':
      return `Exported ${items(e.done)} to ${name}${folder ? ` in ${folder}` : ''}`;
    case 'cancelled':
      return `Export cancelled; ${name} was removed.`;
    case 'failed':
      return `The export to ${name} failed: ${e.error ?? 'unknown error'}. No file was kept; try again, or save it in another folder.`;
  }
}
