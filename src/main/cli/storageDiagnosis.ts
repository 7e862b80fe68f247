import type { StorageProblem } from '../../shared/storage.ts';

/**
 * What the CLI prints when the database can't be used (exit 4): the same diagnosis the app's recovery
 * screen shows, with the commands that do here what its buttons do there.
 */
export function storageDiagnosis(problem: StorageProblem): string {
  const lines = [`Cannot use the database: ${problem.message}`, `Details: ${problem.detail}`, problem.advice];
  if (problem.canSetAside) {
    lines.push(
      `To start a new database, move the file aside (nothing is lost): mv "${problem.path}" "${problem.path}.damaged"`,
    );
  }
  lines.push('To use another data folder: --data DIR.');
  return lines.join('\n');
}
