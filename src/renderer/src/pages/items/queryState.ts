import type { ItemFilters, ItemQuery } from '../../../../shared/itemsContract.ts';

export const EMPTY_FILTERS: ItemFilters = {
  source: [],
  language: [],
  repository: [],
  tag: [],
  license: [],
  accepted: null,
  minScore: null,
};

export const hasFilters = (f: ItemFilters) =>
  f.source.length + f.language.length + f.repository.length + f.tag.length + f.license.length > 0 ||
  f.accepted !== null ||
  f.minScore !== null;

/** The sort the user chose, or the natural one: best match when searching, newest otherwise. */
export function effectiveSort(chosen: ItemQuery['sort'] | null, text: string): ItemQuery['sort'] {
  if (chosen) return chosen;
  return text.trim()
    ? { column: 'relevance', direction: 'asc' }
    : { column: 'collectedAt', direction: 'desc' };
}
