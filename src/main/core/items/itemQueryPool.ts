import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina, queueOptionsSymbol, type PiscinaTask, type TaskQueue } from 'piscina';
import type { ItemFacets, ItemPage, ItemQuery, PageRequest } from '../../../shared/itemsContract.ts';
import type { ItemQueryKind, ItemQueryResults, TaskOf } from './itemQueryTasks.ts';
import type { ItemQueryWorkerData } from './itemQueryWorker.ts';
import type { RowidRange } from '../store/itemWhere.ts';
import { ranksByRelevance } from '../store/listItems.ts';
import { RANKED_MATCHES } from '../store/rankedSearch.ts';
import { mergeRanked, splitRowids } from './splitSearch.ts';

/** The Items screen's reads, run on query threads so the main thread stays free for the window and runs. */
export type ItemQueries = {
  list(query: ItemQuery, page: PageRequest): Promise<ItemPage>;
  facets(query: ItemQuery): Promise<ItemFacets>;
  /** Stops the threads; waits for the reads in progress. */
  close(): Promise<void>;
};

export type ItemQueryPoolOptions = {
  databaseFile: string;
  /** The rowids the items span now (null when there are none), read on the caller's connection. */
  rowidBounds: () => RowidRange | null;
  /** The worker module: this source file by default; a bundle hands in its built copy. */
  workerFile?: string;
  /** Query threads; a search by relevance is split between all of them. */
  threads?: number;
  /** How many of a search's matches are ranked by relevance at most (RANKED_MATCHES). */
  rankedMatches?: number;
  /** From how many matches facets are counted from columns in memory (FACETS_IN_MEMORY_FROM). */
  facetsInMemoryFrom?: number;
};

/** Deeper pages are ranked by one thread: every part would have to return all the rows above them. */
const SPLIT_DEPTH = 1_000;

const defaultThreads = () => Math.max(1, Math.min(4, os.availableParallelism()));

type QueueOptions = { urgent: boolean };
const queueOptions = (task: PiscinaTask) => task[queueOptionsSymbol] as QueueOptions | null;

/**
 * The list's reads go before facet counts: both are asked for together when the search changes, and
 * the list is what the user waits for. (A read already running is never interrupted.)
 */
export class ListFirstQueue implements TaskQueue {
  readonly #lists: PiscinaTask[] = [];
  readonly #others: PiscinaTask[] = [];
  get size() {
    return this.#lists.length + this.#others.length;
  }
  push(task: PiscinaTask) {
    (queueOptions(task)?.urgent ? this.#lists : this.#others).push(task);
  }
  shift() {
    return this.#lists.shift() ?? this.#others.shift() ?? null;
  }
  remove(task: PiscinaTask) {
    for (const queue of [this.#lists, this.#others]) {
      const at = queue.indexOf(task);
      if (at >= 0) queue.splice(at, 1);
    }
  }
}

/** The longest a close waits for threads still loading their module. */
const LOAD_WAIT_MS = 10_000;

/**
 * Resolves once every thread of a new pool has loaded its module (its first message to the pool says so)
 * or ended. Terminating a thread while Node loads the module aborts the whole process (Node 24 asserts in
 * require(esm) when the load is cut short), so a pool is closed only after that.
 */
function threadsLoaded(pool: Piscina): Promise<unknown> {
  const each = pool.threads.map(
    (thread) =>
      new Promise<void>((resolve) => {
        for (const event of ['message', 'exit', 'error']) thread.once(event, () => resolve());
      }),
  );
  const cap = new Promise<void>((resolve) => setTimeout(resolve, LOAD_WAIT_MS).unref());
  return Promise.race([Promise.all(each), cap]);
}

/**
 * A pool of query threads over the database file. A search by relevance ranks its matches (the newest
 * RANKED_MATCHES of a broad one) with bm25, which costs about a microsecond a match: it is split into
 * rowid ranges ranked side by side, and their best rows merged. Facet counts are one thread's (see
 * createFacetReader).
 */
export function createItemQueryPool(options: ItemQueryPoolOptions): ItemQueries {
  const threads = options.threads ?? defaultThreads();
  const ranked = options.rankedMatches ?? RANKED_MATCHES;
  let pool: Piscina | undefined;
  let loaded: Promise<unknown> = Promise.resolve();
  // Threads start with the first read: a core that never shows Items never starts them.
  const started = () => pool ?? startPool();
  const startPool = () => {
    pool = new Piscina({
      filename: options.workerFile ?? fileURLToPath(new URL('./itemQueryWorker.ts', import.meta.url)),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      taskQueue: new ListFirstQueue(),
      workerData: {
        databaseFile: options.databaseFile,
        facetsInMemoryFrom: options.facetsInMemoryFrom,
      } satisfies ItemQueryWorkerData,
    });
    loaded = threadsLoaded(pool);
    return pool;
  };

  function run<K extends ItemQueryKind>(task: TaskOf<K>, urgent: boolean): Promise<ItemQueryResults[K]> {
    return started().run({ ...task, [queueOptionsSymbol]: { urgent } satisfies QueueOptions });
  }

  async function splitSearch(query: ItemQuery, page: PageRequest, bounds: RowidRange): Promise<ItemPage> {
    const { total, newest } = await run({ kind: 'rankedRange', query, ranked }, true);
    if (total === 0) return { rows: [], total };
    // The rowids holding what is ranked are split: a broad search's newest matches, or every match.
    const ranges = splitRowids(
      newest ? { first: Math.max(bounds.first, newest.first), last: bounds.last } : bounds,
      threads,
    );
    const take = page.offset + page.limit;
    const parts = await Promise.all(
      ranges.map((range) => run({ kind: 'rankPart', query, take, range }, true)),
    );
    const rowids = mergeRanked(parts, page);
    if (rowids.length === 0) return { rows: [], total };
    return { rows: await run({ kind: 'rows', query, rowids }, true), total };
  }

  return {
    async list(query, page) {
      const bounds = options.rowidBounds();
      const split =
        threads > 1 &&
        bounds !== null &&
        page.limit > 0 &&
        page.offset + page.limit <= Math.min(SPLIT_DEPTH, ranked) &&
        ranksByRelevance(query);
      return split ? splitSearch(query, page, bounds) : run({ kind: 'page', query, page, ranked }, true);
    },
    facets: (query) => run({ kind: 'facets', query }, false),
    async close() {
      await loaded;
      await pool?.close();
      pool = undefined;
    },
  };
}
