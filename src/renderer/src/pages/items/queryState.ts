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

export const hasFilters = (f: ItemFilters) => filterCount(f) > 0;

/** How many filters narrow the list (each chosen value counts). */
export const filterCount = (f: ItemFilters) =>
  f.source.length +
  f.language.length +
  f.repository.length +
  f.tag.length +
  f.license.length +
  (f.accepted !== null ? 1 : 0) +
  (f.minScore !== null ? 1 : 0);

/**
 * The sort the user chose, or the natural one: best match when searching, newest otherwise. Relevance
 * means nothing without search words, so it falls back to newest then.
 */
export function effectiveSort(chosen: ItemQuery['sort'] | null, text: string): ItemQuery['sort'] {
  const searching = text.trim() !== '';
  if (chosen && (searching || chosen.column !== 'relevance')) return chosen;
  return searching ? { column: 'relevance', direction: 'asc' } : { column: 'collectedAt', direction: 'desc' };
}
