import { useCallback, useState } from 'react';
import type { ItemQuery, ItemScope } from '../../../../shared/itemsContract.ts';

/** Chosen rows by id, or every item matching the current search and filters. */
export type Selection = { all: true } | { all: false; ids: ReadonlySet<string> };

const none: Selection = { all: false, ids: new Set() };

export function useSelection() {
  const [selection, setSelection] = useState<Selection>(none);
  const toggle = useCallback(
    (id: string) =>
      setSelection((s) => {
        const ids = new Set(s.all ? [] : s.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { all: false, ids };
      }),
    [],
  );
  const selectAll = useCallback(() => setSelection({ all: true }), []);
  const clear = useCallback(() => setSelection(none), []);
  const isSelected = useCallback((id: string) => selection.all || selection.ids.has(id), [selection]);
  const count = (matching: number) => (selection.all ? matching : selection.ids.size);
  return { selection, toggle, selectAll, clear, isSelected, count };
}

/** What an action applies to: the selection when there is one, otherwise the current query. */
export function scopeOf(selection: Selection, query: ItemQuery): ItemScope {
  if (!selection.all && selection.ids.size > 0) return { kind: 'ids', ids: [...selection.ids] };
  return { kind: 'query', query };
}
