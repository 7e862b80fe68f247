import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemQueryInput, ItemRow } from '../../../../shared/itemsContract.ts';
import { api } from '../../hooks/api.ts';

export const PAGE_SIZE = 100;

/** The pages of one query fetched so far, with its total (null until its first page arrives). */
type PageCache = {
  key: string;
  /** The search text of the query these pages answer. */
  text: string;
  total: number | null;
  pages: ReadonlyMap<number, ItemRow[]>;
  error?: string;
};

/** The pages of one query being fetched: which were asked for, and what came back so far. */
type Pending = { cache: PageCache; requested: Set<number> };

const emptyCache = (key: string, text = ''): PageCache => ({ key, text, total: null, pages: new Map() });

/**
 * Rows of the list, fetched a page at a time as they scroll into view. When the query (or `generation`,
 * bumped after a delete or to show new items) changes, the rows of the previous query stay on screen
 * until the first page of the new one arrives, so the list never empties while the user types; every
 * query, also one seen before, is fetched afresh.
 */
export function useItemPages(query: ItemQueryInput, generation: number) {
  const key = `${generation}:${JSON.stringify(query)}`;
  const [shown, setShown] = useState<PageCache>(() => emptyCache(''));
  const pending = useRef<Pending>({ cache: emptyCache(''), requested: new Set() });

  const ensurePage = useCallback(
    (index: number) => {
      if (pending.current.cache.key !== key)
        pending.current = { cache: emptyCache(key, query.text ?? ''), requested: new Set() };
      const entry = pending.current;
      if (entry.requested.has(index)) return;
      entry.requested.add(index);
      api.listItems(query, { offset: index * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (page) => {
          if (pending.current !== entry) return; // a newer query replaced this one
          const pages = new Map(entry.cache.pages).set(index, page.rows);
          entry.cache = { ...entry.cache, total: page.total, pages };
          // The first page decides when the new query's rows replace the previous ones.
          if (pages.has(0)) setShown(entry.cache);
        },
        (e: unknown) => {
          if (pending.current !== entry) return;
          entry.requested.delete(index);
          entry.cache = {
            ...emptyCache(key, query.text ?? ''),
            error: e instanceof Error ? e.message : String(e),
          };
          setShown(entry.cache);
        },
      );
    },
    // `query` is captured through `key`, which is its JSON.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => ensurePage(0), [ensurePage]);

  const rowAt = useCallback(
    (index: number): ItemRow | undefined =>
      shown.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [shown],
  );
  return {
    total: shown.total,
    error: shown.error,
    rowAt,
    ensurePage,
    /** Which query the rows on screen answer (changes when a new query's first page arrives). */
    shownKey: shown.key,
    /** The search text of the rows on screen. */
    shownText: shown.text,
    /** The rows on screen answer an earlier query; the current one is on its way. */
    updating: shown.key !== key,
  };
}
