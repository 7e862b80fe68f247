import type { ItemSource } from '../../shared/items.ts';
import { itemQuerySchema, type ExportFormat } from '../../shared/itemsContract.ts';
import { ExportTargetError } from '../core/export/exportTarget.ts';
import { runExport } from '../core/export/runExport.ts';
import { isStorageFailure } from '../core/store/storageProblem.ts';
import { appDataFolder } from './appDataFolder.ts';
import { databaseFileIn, readingDatabase } from './cliDatabase.ts';
import { CliError } from './cliError.ts';
import type { CliDeps } from './cliIo.ts';
import { userPath } from './cliPaths.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';

export type ExportOptions = {
  format: ExportFormat;
  out: string;
  query: string;
  source: ItemSource[];
  language: string[];
  data?: string;
  db?: string;
};

/** `export`: writes the collection (or what a search and filters match) to a file. */
export async function runExportCommand(options: ExportOptions, { io, env }: CliDeps): Promise<ExitCode> {
  const parsed = itemQuerySchema.safeParse({
    text: options.query,
    filters: { source: options.source, language: options.language },
  });
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const databaseFile = options.db
    ? userPath(options.db, env)
    : databaseFileIn(options.data ? userPath(options.data, env) : appDataFolder(env));
  return readingDatabase(databaseFile, async (db) => {
    const file = userPath(options.out, env);
    let lastPercent = -1;
    try {
      const outcome = await runExport(db, {
        format: options.format,
        scope: { kind: 'query', query: parsed.data },
        file,
        onProgress: ({ done, total }) => {
          const percent = total ? Math.floor((100 * done) / total) : 100;
          if (percent >= lastPercent + 10 || done === total)
            io.stderr(`${done}/${total} items (${percent}%)`);
          lastPercent = percent;
        },
      });
      io.stdout(`Exported ${outcome.done} items to ${file}`);
      return EXIT.OK;
    } catch (error) {
      if (error instanceof ExportTargetError) throw new CliError(error.message, EXIT.USAGE);
      // The database's own failure: readingDatabase gives its diagnosis.
      if (isStorageFailure(error)) throw error;
      const diskFull = (error as NodeJS.ErrnoException).code === 'ENOSPC';
      throw new CliError(
        `Export failed: ${error instanceof Error ? error.message : String(error)}`,
        diskFull ? EXIT.STORAGE : EXIT.SOURCE_FAILED,
      );
    }
  });
}
