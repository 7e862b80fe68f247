import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemQueryInput, ItemRow } from '../../../../shared/itemsContract.ts';
import { api } from '../../hooks/api.ts';

export const PAGE_SIZE = 100;

type Cache = { key: string; total: number | null; pages: ReadonlyMap<number, ItemRow[]>; error?: string };

/**
 * Rows of the list, fetched a page at a time as they scroll into view; the cache starts over whenever
 * the query (or `generation`, bumped after a delete) changes.
 */
export function useItemPages(query: ItemQueryInput, generation: number) {
  const key = `${generation}:${JSON.stringify(query)}`;
  const [cache, setCache] = useState<Cache>({ key: '', total: null, pages: new Map() });
  const requested = useRef(new Set<string>());
  const activeKey = useRef(key);
  useEffect(() => {
    activeKey.current = key;
  }, [key]);

  const ensurePage = useCallback(
    (index: number) => {
      const tag = `${key}#${index}`;
      if (requested.current.has(tag)) return;
      requested.current.add(tag);
      api.listItems(query, { offset: index * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (page) => {
          if (activeKey.current !== key) return;
          setCache((c) => {
            const pages = new Map(c.key === key ? c.pages : []);
            pages.set(index, page.rows);
            return { key, total: page.total, pages };
          });
        },
        (e: unknown) => {
          requested.current.delete(tag);
          if (activeKey.current === key)
            setCache({ key, total: 0, pages: new Map(), error: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    // `query` is captured through `key`, which is its JSON.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => ensurePage(0), [ensurePage]);

  const current = cache.key === key ? cache : undefined;
  const rowAt = useCallback(
    (index: number): ItemRow | undefined =>
      current?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [current],
  );
  return { total: current?.total ?? null, error: current?.error, rowAt, ensurePage };
}
