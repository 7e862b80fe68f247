/**
 * Checks what electron-vite built, short of launching Electron: the main and preload bundles parse, and
 * the bundled item query thread answers a search exactly as the source does. Writes its counts as JSON
 * to the file named by the first argument.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { itemQuerySchema } from '../src/shared/itemsContract.ts';
import { createItemQueryPool } from '../src/main/core/items/itemQueryPool.ts';
import { itemRowidBounds, listItems } from '../src/main/core/store/listItems.ts';
import { openDatabase } from '../src/main/core/store/database.ts';
import { upsertItems } from '../src/main/core/store/itemStore.ts';
import { makeItems } from '../test/fixtures/itemFactory.ts';

const results: { check: string; ok: boolean; detail?: string }[] = [];

for (const bundle of ['out/main/index.js', 'out/preload/index.cjs']) {
  const r = spawnSync(process.execPath, ['--check', bundle], { encoding: 'utf8' });
  results.push({ check: `node --check ${bundle}`, ok: r.status === 0, detail: r.stderr.trim() });
}

async function checkQueryWorker(): Promise<string | undefined> {
  const chunks = path.join('out', 'main', 'chunks');
  const worker = fs.readdirSync(chunks).find((f) => f.startsWith('itemQueryWorker-'));
  if (!worker) return 'no itemQueryWorker chunk in out/main/chunks';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bundle-check-'));
  const file = path.join(dir, 'items.sqlite');
  const db = openDatabase(file);
  const pool = createItemQueryPool({
    databaseFile: file,
    rowidBounds: () => itemRowidBounds(db),
    workerFile: path.resolve(chunks, worker),
    threads: 2,
  });
  try {
    upsertItems(db, makeItems(300, { seed: 5 }));
    const query = itemQuerySchema.parse({ text: 'return', sort: { column: 'relevance', direction: 'asc' } });
    const page = { offset: 0, limit: 50 };
    const got = await pool.list(query, page);
    if (got.total === 0) return 'the search found nothing';
    return isDeepStrictEqual(got, listItems(db, query, page))
      ? undefined
      : 'the page differs from the source';
  } finally {
    await pool.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const problem = await checkQueryWorker().catch((e: unknown) => String(e));
results.push({ check: 'bundled item query thread answers a search', ok: !problem, detail: problem });

for (const r of results)
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.check}${!r.ok && r.detail ? `: ${r.detail}` : ''}`);
const failed = results.filter((r) => !r.ok).length;
if (process.argv[2])
  fs.writeFileSync(process.argv[2], JSON.stringify({ passed: results.length - failed, failed, skipped: 0 }));
process.exit(failed ? 1 : 0);
