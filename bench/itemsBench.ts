/**
 * Items at scale: seeds 100,000 generated items into a temporary database, then times search (with and
 * without filters), facet counts, opening the Items screen and every export format. Reads go through the
 * item query pool, as the app's do. Prints figures only.
 * Run alone: node bench/itemsBench.ts [count]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { itemQuerySchema, EXPORT_FORMATS, type ItemQueryInput } from '../src/shared/itemsContract.ts';
import { createItemQueryPool, type ItemQueries } from '../src/main/core/items/itemQueryPool.ts';
import { itemRowidBounds } from '../src/main/core/store/listItems.ts';
import { runExport } from '../src/main/core/export/runExport.ts';
import { openDatabase } from '../src/main/core/store/database.ts';
import { seedItems } from '../test/fixtures/itemFactory.ts';

const SEARCHES = [
  'parse',
  'cache token',
  'return result',
  'borrow',
  'NullPointerException',
  'how do I',
  'validate_user',
  'pars',
  'serialize json',
  'goroutine deadlock',
  'async function fetch',
  'Record',
  's',
  'se',
  'cache t',
];
const FILTERS: ItemQueryInput['filters'][] = [
  {},
  { language: ['python'] },
  { source: ['stackoverflow_qa'], accepted: true },
  { tag: ['pandas'] },
  { source: ['github_code'], license: ['MIT'], minScore: 1000 },
];

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(fn: () => Promise<unknown>, repeat: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(ms(t0));
  }
  return times;
}

const summary = (values: number[]) =>
  `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(Math.max(...values))}`;

export async function benchItems(count = 100_000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-items-bench-'));
  const file = path.join(dir, 'items.sqlite');
  const db = openDatabase(file);
  try {
    console.log(`items bench: ${count.toLocaleString('en-US')} generated items in ${dir}`);
    let t0 = performance.now();
    const stored = seedItems(db, count, { seed: 2025, repositories: 300 });
    const seedMs = ms(t0);
    const dbBytes = fs.statSync(file).size;
    console.log(
      `  seeding: ${stored.toLocaleString('en-US')} items in ${(seedMs / 1000).toFixed(1)} s ` +
        `(${Math.round(stored / (seedMs / 1000)).toLocaleString('en-US')} items/s), database ${mb(dbBytes)}`,
    );

    const pool = createItemQueryPool({ databaseFile: file, rowidBounds: () => itemRowidBounds(db) });
    const onePool = createItemQueryPool({
      databaseFile: file,
      rowidBounds: () => itemRowidBounds(db),
      threads: 1,
    });
    try {
      await searchFigures(pool, onePool, count);
    } finally {
      await Promise.all([pool.close(), onePool.close()]);
    }

    for (const format of EXPORT_FORMATS) {
      const out = path.join(dir, `export.${format}`);
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      t0 = performance.now();
      const outcome = await runExport(db, { format, scope: { kind: 'all' }, file: out });
      const took = ms(t0);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(
        `  export ${format.padEnd(10)} ${outcome.done.toLocaleString('en-US')} items in ${(took / 1000).toFixed(2)} s, ` +
          `${mb(fs.statSync(out).size)}, peak RSS ${mb(peak)}`,
      );
      fs.rmSync(out, { force: true });
    }
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the Items screen waits for: opening, paging, searching, filtering and counting facets. */
async function searchFigures(pool: ItemQueries, onePool: ItemQueries, count: number): Promise<void> {
  const everything = itemQuerySchema.parse({});
  const t0 = performance.now();
  // The screen asks for both at once.
  const [first, firstFacets] = await Promise.all([
    pool.list(everything, { offset: 0, limit: 100 }),
    pool.facets(everything),
  ]);
  console.log(
    `  opening Items (first page + total + facets, threads starting): ${fmt(ms(t0))} — ${first.total} items, ` +
      `${firstFacets.repository.length} repositories listed`,
  );
  const open = await time(
    () => Promise.all([pool.list(everything, { offset: 0, limit: 100 }), pool.facets(everything)]),
    10,
  );
  console.log(`  opening Items again (facets kept while nothing is written): ${summary(open)}`);
  const byTitle = itemQuerySchema.parse({ sort: { column: 'title', direction: 'asc' } });
  const deep = await time(() => pool.list(byTitle, { offset: Math.floor(count * 0.9), limit: 100 }), 10);
  console.log(`  a page at 90% of the list sorted by title: ${summary(deep)}`);

  const searchTimes: number[] = [];
  const filteredTimes: number[] = [];
  const oneThreadTimes: number[] = [];
  const facetTimes: number[] = [];
  const matches: string[] = [];
  for (const text of SEARCHES) {
    for (const filters of FILTERS) {
      const query = itemQuerySchema.parse({ text, filters, sort: { column: 'relevance', direction: 'asc' } });
      const page = { offset: 0, limit: 100 };
      const plain = Object.keys(filters ?? {}).length === 0;
      (plain ? searchTimes : filteredTimes).push(...(await time(() => pool.list(query, page), 3)));
      if (plain) oneThreadTimes.push(...(await time(() => onePool.list(query, page), 3)));
      facetTimes.push(...(await time(() => pool.facets(query), 2)));
      if (plain) matches.push(`${text}: ${(await pool.list(query, { offset: 0, limit: 0 })).total}`);
    }
  }
  console.log(`  matches: ${matches.join(', ')}`);
  console.log(`  search, first page of 100 + total, by relevance: ${summary(searchTimes)}`);
  console.log(`  the same on one query thread (no split): ${summary(oneThreadTimes)}`);
  console.log(`  search + filters: ${summary(filteredTimes)}`);
  const sorted: number[] = [];
  for (const text of SEARCHES.slice(0, 4)) {
    const query = itemQuerySchema.parse({ text, sort: { column: 'score', direction: 'desc' } });
    sorted.push(...(await time(() => pool.list(query, { offset: 0, limit: 100 }), 3)));
  }
  console.log(`  search sorted by score: ${summary(sorted)}`);
  console.log(`  facet counts (6 facets) for those queries: ${summary(facetTimes)}`);
}

if (import.meta.main) await benchItems(Number(process.argv[2]) || undefined);
