import { useCallback, useEffect, useState } from 'react';
import type { ItemQueryInput, ItemRow } from '../../../../shared/itemsContract.ts';
import { createPageLoader, emptyCache, PAGE_SIZE, type PageCache } from './pageLoader.ts';

/**
 * Rows of the list, fetched a page at a time as they scroll into view. When the query (or `generation`,
 * bumped after a delete or to show new items) changes, the rows of the previous query stay on screen
 * until the first page of the new one arrives, so the list never empties while the user types; every
 * query, also one seen before, is fetched afresh (see createPageLoader for which are asked for).
 */
export function useItemPages(query: ItemQueryInput, generation: number) {
  const key = `${generation}:${JSON.stringify(query)}`;
  const [shown, setShown] = useState<PageCache>(() => emptyCache(''));
  const [loader] = useState(() => createPageLoader(setShown));

  const ensurePage = useCallback(
    (index: number) => loader.ensurePage(key, query, index),
    // `query` is captured through `key`, which is its JSON.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, loader],
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
