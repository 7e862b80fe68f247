import type { FacetCount } from '../../../../shared/itemsContract.ts';

export type FacetOption = FacetCount;

/**
 * The values a facet offers: those of the whole collection in its order (when given), then any others
 * the current results have, then chosen ones not counted any more; each with the current results'
 * count, 0 when they have none.
 */
export function facetOptions(input: {
  counts: readonly FacetCount[] | undefined;
  collection?: readonly FacetCount[];
  chosen: readonly string[];
}): FacetOption[] {
  const current = new Map((input.counts ?? []).map((f) => [f.value, f.count]));
  const values = [
    ...(input.collection ?? []).map((f) => f.value),
    ...(input.counts ?? []).map((f) => f.value),
    ...input.chosen,
  ];
  return [...new Set(values)].map((value) => ({ value, count: current.get(value) ?? 0 }));
}
