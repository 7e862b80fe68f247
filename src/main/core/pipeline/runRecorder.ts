import type { Settings } from '../../../shared/settings.ts';
import { SOURCE_REGISTRY, withSecrets } from '../collectors/sources.ts';
import type { Database } from '../store/database.ts';
import { createRunsTable } from '../store/runsTable.ts';

/** Settings as recorded with a run: everything but the secrets. */
export const settingsForRecord = (settings: Settings): Settings =>
  withSecrets(settings, (id) => (SOURCE_REGISTRY[id].secret.get(settings) ? '(set)' : ''));

/** The runs table (store/runsTable.ts) with the secrets policy: never recorded, today's on resume. */
export function createRunRecorder(db: Database) {
  const table = createRunsTable(db);
  return {
    ...table,
    start: (settings: Settings, now = new Date()) => table.start(settingsForRecord(settings), now),
    /** The settings a run started with, and today's secrets (never recorded), to resume it with. */
    settingsForResume: (runId: number, current: Settings): Settings =>
      withSecrets(table.recordedSettings(runId), (id) => SOURCE_REGISTRY[id].secret.get(current)),
  };
}
