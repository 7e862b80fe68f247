import type { ItemQuery } from '../../../../shared/itemsContract.ts';

type Sort = ItemQuery['sort'];

const OPTIONS: { sort: Sort; label: string; searchOnly?: boolean }[] = [
  { sort: { column: 'relevance', direction: 'asc' }, label: 'Relevance', searchOnly: true },
  { sort: { column: 'collectedAt', direction: 'desc' }, label: 'Newest collected' },
  { sort: { column: 'collectedAt', direction: 'asc' }, label: 'Oldest collected' },
  { sort: { column: 'score', direction: 'desc' }, label: 'Highest score or stars' },
  { sort: { column: 'score', direction: 'asc' }, label: 'Lowest score or stars' },
  { sort: { column: 'title', direction: 'asc' }, label: 'Title A–Z' },
  { sort: { column: 'title', direction: 'desc' }, label: 'Title Z–A' },
  { sort: { column: 'repository', direction: 'asc' }, label: 'Repository A–Z' },
  { sort: { column: 'repository', direction: 'desc' }, label: 'Repository Z–A' },
  { sort: { column: 'language', direction: 'asc' }, label: 'Language A–Z' },
  { sort: { column: 'language', direction: 'desc' }, label: 'Language Z–A' },
  { sort: { column: 'lines', direction: 'desc' }, label: 'Most lines' },
  { sort: { column: 'lines', direction: 'asc' }, label: 'Fewest lines' },
  { sort: { column: 'source', direction: 'asc' }, label: 'Source' },
];

export const sortValue = (sort: Sort) => `${sort.column}:${sort.direction}`;

/** The sorts a user can pick, relevance only while searching; every one named in words. */
export function sortOptions(searching: boolean): { value: string; label: string }[] {
  return OPTIONS.filter((o) => searching || !o.searchOnly).map((o) => ({
    value: sortValue(o.sort),
    label: o.label,
  }));
}

export function parseSortValue(value: string): Sort | null {
  return OPTIONS.find((o) => sortValue(o.sort) === value)?.sort ?? null;
}
