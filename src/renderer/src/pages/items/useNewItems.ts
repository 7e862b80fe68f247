import { useEffect, useState } from 'react';
import type { ItemQuery } from '../../../../shared/itemsContract.ts';
import { api } from '../../hooks/api.ts';

/**
 * How often the list asks whether more items match. Runs (the app's or the CLI's, on the same data
 * folder) store items all the time; a count is cheap, and it is skipped while the window is hidden.
 */
const CHECK_EVERY_MS = 3000;

/**
 * How many more items match the query than the list shows: new ones a run stored since the list was
 * read. The list itself stays as it is (so nothing moves under the user's eyes) until they ask to see them.
 */
export function useNewItems(
  query: ItemQuery,
  shown: { key: string; total: number | null; current: boolean },
) {
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const { key, total, current } = shown;
  useEffect(() => {
    if (!current || total === null) return;
    let live = true;
    const check = () => {
      if (document.hidden) return;
      api.listItems(query, { offset: 0, limit: 0 }).then(
        (page) => live && setCounted({ key, total: page.total }),
        () => undefined, // the next check tries again; the list shows its own errors
      );
    };
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // `query` is the one `key` names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, total, current]);
  return counted && counted.key === key && total !== null && current ? Math.max(0, counted.total - total) : 0;
}
