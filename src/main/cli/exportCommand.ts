import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  EXPORT_FORMATS,
  ITEM_SOURCES,
  itemQuerySchema,
  type ExportFormat,
} from '../../shared/itemsContract.ts';
import { DATABASE_FILE_NAME } from '../core/createCore.ts';
import { runExport } from '../core/export/runExport.ts';
import { openDatabase } from '../core/store/database.ts';
import { appDataFolder } from './appDataFolder.ts';
import type { Io } from './collectCommand.ts';

export const EXPORT_USAGE = `export --format ${EXPORT_FORMATS.join('|')} --out FILE [--query TEXT]
       [--source ${ITEM_SOURCES.join('|')}] [--language LANG] [--data DIR | --db FILE]
  Without --data or --db: the app's own data folder.`;

/** `export`: writes the collection (or what a search and filters match) to a file; returns the exit code. */
export async function runExportCommand(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        query: { type: 'string', default: '' },
        source: { type: 'string', multiple: true, default: [] },
        language: { type: 'string', multiple: true, default: [] },
        data: { type: 'string' },
        db: { type: 'string' },
      },
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\nusage: ${EXPORT_USAGE}`);
    return 2;
  }
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format) || !values.out) {
    io.stderr(`usage: ${EXPORT_USAGE}`);
    return 2;
  }
  const parsed = itemQuerySchema.safeParse({
    text: values.query,
    filters: { source: values.source, language: values.language },
  });
  if (!parsed.success) {
    io.stderr(
      `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\nusage: ${EXPORT_USAGE}`,
    );
    return 2;
  }
  const db = openDatabase(values.db ?? path.join(values.data ?? appDataFolder(), DATABASE_FILE_NAME));
  try {
    const file = path.resolve(values.out);
    let lastPercent = -1;
    const outcome = await runExport(db, {
      format,
      scope: { kind: 'query', query: parsed.data },
      file,
      onProgress: ({ done, total }) => {
        const percent = total ? Math.floor((100 * done) / total) : 100;
        if (percent >= lastPercent + 10 || done === total) io.stderr(`${done}/${total} items (${percent}%)`);
        lastPercent = percent;
      },
    });
    io.stdout(`Exported ${outcome.done} items to ${file}`);
    return 0;
  } catch (error) {
    io.stderr(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    db.close();
  }
}
