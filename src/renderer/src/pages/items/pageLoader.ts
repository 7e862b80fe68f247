import type { ItemQueryInput, ItemRow } from '../../../../shared/itemsContract.ts';
import { api } from '../../hooks/api.ts';

export const PAGE_SIZE = 100;

/** The pages of one query fetched so far, with its total (null until its first page arrives). */
export type PageCache = {
  key: string;
  /** The search text of the query these pages answer. */
  text: string;
  total: number | null;
  pages: ReadonlyMap<number, ItemRow[]>;
  error?: string;
};

/** The pages of one query being fetched: which were asked for, and what came back so far. */
type Pending = { query: ItemQueryInput; cache: PageCache; requested: Set<number> };

export const emptyCache = (key: string, text = ''): PageCache => ({
  key,
  text,
  total: null,
  pages: new Map(),
});

/**
 * Fetches the pages of the newest query and hands `show` its pages once its first page is there.
 * One first page is on its way at a time: a query made while another's first page is awaited waits for
 * it, and one the user typed past meanwhile is never asked for (only the newest is). So every key is
 * answered as soon as the core is free, with no debounce, and the core never ranks stale searches.
 */
export function createPageLoader(show: (cache: PageCache) => void) {
  let newest: Pending = { query: {}, cache: emptyCache(''), requested: new Set() };
  let firstPageAwaited = false;

  function fetchPage(entry: Pending, index: number) {
    entry.requested.add(index);
    const first = index === 0;
    if (first) firstPageAwaited = true;
    api
      .listItems(entry.query, { offset: index * PAGE_SIZE, limit: PAGE_SIZE })
      .then(
        (page) => {
          if (newest !== entry) return; // a newer query replaced this one
          const pages = new Map(entry.cache.pages).set(index, page.rows);
          entry.cache = { ...entry.cache, total: page.total, pages };
          // The first page decides when the new query's rows replace the previous ones.
          if (pages.has(0)) show(entry.cache);
        },
        (e: unknown) => {
          if (newest !== entry) return;
          entry.requested.delete(index);
          entry.cache = {
            ...emptyCache(entry.cache.key, entry.cache.text),
            error: e instanceof Error ? e.message : String(e),
          };
          show(entry.cache);
        },
      )
      .finally(() => {
        if (!first) return;
        firstPageAwaited = false;
        if (!newest.requested.has(0) && !newest.cache.error) fetchPage(newest, 0);
      });
  }

  return {
    /** Asks for a page of the query named `key` (which becomes the newest), unless it was asked for. */
    ensurePage(key: string, query: ItemQueryInput, index: number) {
      if (newest.cache.key !== key)
        newest = { query, cache: emptyCache(key, query.text ?? ''), requested: new Set() };
      if (newest.requested.has(index)) return;
      if (index === 0 && firstPageAwaited) return; // asked for when the awaited one arrives
      fetchPage(newest, index);
    },
  };
}
