import type { ItemFilters } from '../../../shared/itemsContract.ts';
import type { CodedColumn, FacetColumns } from '../store/facetColumns.ts';
import type { FacetTally } from '../store/itemFacets.ts';
import type { FacetName } from '../store/itemWhere.ts';

const FACETS = [
  'source',
  'language',
  'repository',
  'license',
  'accepted',
  'tag',
] as const satisfies FacetName[];
const TAG = FACETS.indexOf('tag');

const columnOf = (columns: FacetColumns, facet: FacetName): CodedColumn =>
  facet === 'tag' ? columns.tags : columns[facet];

/** The values a facet's filter keeps, as a lookup by code; null when that filter is off. */
function chosenCodes(column: CodedColumn, filters: ItemFilters, facet: FacetName): Uint8Array | null {
  const wanted =
    facet === 'accepted' ? (filters.accepted === null ? [] : [String(filters.accepted)]) : filters[facet];
  if (wanted.length === 0) return null;
  const chosen = new Uint8Array(column.values.length);
  column.values.forEach((value, code) => {
    if (wanted.includes(value)) chosen[code] = 1;
  });
  return chosen;
}

/**
 * What tallyFacets counts, from the columns in memory: over the search's matches (`rowids`; every item
 * when null), each facet counts the items that pass every filter but its own.
 */
export function tallyInMemory(
  columns: FacetColumns,
  filters: ItemFilters,
  rowids: readonly number[] | null,
): FacetTally {
  const chosen = FACETS.map((facet) => chosenCodes(columnOf(columns, facet), filters, facet));
  const counts = FACETS.map((facet) => new Int32Array(columnOf(columns, facet).values.length));
  const { tags, tagStart, score } = columns;
  const codes = FACETS.slice(0, TAG).map((facet) => columnOf(columns, facet).codes);
  const minScore = filters.minScore;

  const count = (slot: number) => {
    if (slot < 0 || slot >= columns.slots || columns.source.codes[slot] < 0) return; // no such item
    if (minScore !== null && !(score[slot] >= minScore)) return;
    // Which facets' filters the item fails, one bit each: it counts for a facet whose own is the only one.
    let failed = 0;
    for (let f = 0; f < TAG; f++) {
      const keep = chosen[f];
      if (keep && keep[codes[f][slot]] !== 1) failed |= 1 << f;
    }
    const keepTags = chosen[TAG];
    if (keepTags) {
      let any = false;
      for (let t = tagStart[slot]; t < tagStart[slot + 1] && !any; t++) any = keepTags[tags.codes[t]] === 1;
      if (!any) failed |= 1 << TAG;
    }
    if ((failed & (failed - 1)) !== 0) return; // fails two filters: counts for no facet
    for (let f = 0; f < TAG; f++) {
      if (failed !== 0 && failed !== 1 << f) continue;
      const code = codes[f][slot];
      if (code >= 0) counts[f][code]++;
    }
    if (failed === 0 || failed === 1 << TAG)
      for (let t = tagStart[slot]; t < tagStart[slot + 1]; t++) counts[TAG][tags.codes[t]]++;
  };

  if (rowids) for (const rowid of rowids) count(rowid - columns.first);
  else for (let slot = 0; slot < columns.slots; slot++) count(slot);

  const values = Object.fromEntries(
    FACETS.map((facet, f) => {
      const names = columnOf(columns, facet).values;
      const pairs: [string, number][] = [];
      counts[f].forEach((n, code) => {
        if (n > 0) pairs.push([names[code], n]);
      });
      return [facet, pairs];
    }),
  ) as FacetTally['values'];
  return { values, collectionTotal: columns.items };
}
