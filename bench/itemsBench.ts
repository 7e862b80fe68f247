/**
 * Items at scale: seeds 100,000 generated items into a temporary database, then times search (with and
 * without filters), facet counts, opening the Items screen and every export format. Prints figures only.
 * Run alone: node bench/itemsBench.ts [count]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { itemQuerySchema, EXPORT_FORMATS, type ItemQueryInput } from '../src/shared/itemsContract.ts';
import { itemFacets } from '../src/main/core/items/itemFacets.ts';
import { listItems } from '../src/main/core/items/listItems.ts';
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

function time(fn: () => unknown, repeat: number): number[] {
  return Array.from({ length: repeat }, () => {
    const t0 = performance.now();
    fn();
    return ms(t0);
  });
}

const summary = (values: number[]) =>
  `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(Math.max(...values))}`;

export async function benchItems(count = 100_000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-items-bench-'));
  const db = openDatabase(path.join(dir, 'items.sqlite'));
  try {
    console.log(`items bench: ${count.toLocaleString('en-US')} generated items in ${dir}`);
    let t0 = performance.now();
    const stored = seedItems(db, count, { seed: 2025, repositories: 300 });
    const seedMs = ms(t0);
    const dbBytes = fs.statSync(path.join(dir, 'items.sqlite')).size;
    console.log(
      `  seeding: ${stored.toLocaleString('en-US')} items in ${(seedMs / 1000).toFixed(1)} s ` +
        `(${Math.round(stored / (seedMs / 1000)).toLocaleString('en-US')} items/s), database ${mb(dbBytes)}`,
    );

    t0 = performance.now();
    const first = listItems(db, itemQuerySchema.parse({}), { offset: 0, limit: 100 });
    const firstFacets = itemFacets(db, itemQuerySchema.parse({}));
    console.log(
      `  opening Items (first page + total + facets, cold): ${fmt(ms(t0))} — ${first.total} items, ` +
        `${firstFacets.repository.length} repositories listed`,
    );
    const open = time(() => {
      listItems(db, itemQuerySchema.parse({}), { offset: 0, limit: 100 });
      itemFacets(db, itemQuerySchema.parse({}));
    }, 10);
    console.log(`  opening Items (warm): ${summary(open)}`);
    const deep = time(
      () =>
        listItems(db, itemQuerySchema.parse({ sort: { column: 'title', direction: 'asc' } }), {
          offset: Math.floor(count * 0.9),
          limit: 100,
        }),
      10,
    );
    console.log(`  a page at 90% of the list sorted by title: ${summary(deep)}`);

    const searchTimes: number[] = [];
    const filteredTimes: number[] = [];
    const facetTimes: number[] = [];
    const matches: string[] = [];
    for (const text of SEARCHES) {
      for (const filters of FILTERS) {
        const query = itemQuerySchema.parse({
          text,
          filters,
          sort: { column: 'relevance', direction: 'asc' },
        });
        const times = time(() => listItems(db, query, { offset: 0, limit: 100 }), 3);
        (Object.keys(filters ?? {}).length ? filteredTimes : searchTimes).push(...times);
        facetTimes.push(...time(() => itemFacets(db, query), 2));
        if (Object.keys(filters ?? {}).length === 0)
          matches.push(`${text}: ${listItems(db, query, { offset: 0, limit: 0 }).total}`);
      }
    }
    console.log(`  matches: ${matches.join(', ')}`);
    console.log(`  search, first page of 100 + total, by relevance: ${summary(searchTimes)}`);
    console.log(`  search + filters: ${summary(filteredTimes)}`);
    const sorted = SEARCHES.slice(0, 4).flatMap((text) =>
      time(
        () =>
          listItems(db, itemQuerySchema.parse({ text, sort: { column: 'score', direction: 'desc' } }), {
            offset: 0,
            limit: 100,
          }),
        3,
      ),
    );
    console.log(`  search sorted by score: ${summary(sorted)}`);
    console.log(`  facet counts (6 facets) for those queries: ${summary(facetTimes)}`);

    for (const format of EXPORT_FORMATS) {
      const file = path.join(dir, `export.${format}`);
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      t0 = performance.now();
      const outcome = await runExport(db, { format, scope: { kind: 'all' }, file });
      const took = ms(t0);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(
        `  export ${format.padEnd(10)} ${outcome.done.toLocaleString('en-US')} items in ${(took / 1000).toFixed(2)} s, ` +
          `${mb(fs.statSync(file).size)}, peak RSS ${mb(peak)}`,
      );
      fs.rmSync(file, { force: true });
    }
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await benchItems(Number(process.argv[2]) || undefined);
