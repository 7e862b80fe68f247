/**
 * The Items part of the contract: browse, search, facets, detail, delete and export.
 * Merged into Api in api.ts; the keys of ITEMS_API_INPUTS are the IPC channels.
 */
import { z } from 'zod';
import { EXPORT_FIELD_GROUP_IDS } from './exportFields.ts';
import type { CollectedItem, ItemSource } from './items.ts';

export const ITEM_SOURCES = ['github_code', 'github_doc', 'stackoverflow_qa'] as const;

export const SORT_COLUMNS = [
  'relevance',
  'source',
  'title',
  'repository',
  'score',
  'language',
  'lines',
  'collectedAt',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const facetValues = z.array(z.string().max(200)).max(200).default([]);

export const itemFiltersSchema = z.object({
  source: z.array(z.enum(ITEM_SOURCES)).max(ITEM_SOURCES.length).default([]),
  language: facetValues,
  repository: facetValues,
  tag: facetValues,
  license: facetValues,
  /** Stack Overflow answers only: true keeps accepted answers, false the others. */
  accepted: z.boolean().nullable().default(null),
  /** Stars for code files, question + answer score for Q&A. */
  minScore: z.number().int().nullable().default(null),
});
export type ItemFilters = z.infer<typeof itemFiltersSchema>;

export const itemQuerySchema = z.object({
  /** Words to find in title, path and content; the last one also matches as a prefix. */
  text: z.string().max(500).default(''),
  filters: itemFiltersSchema.prefault({}),
  sort: z
    .object({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
    .default({ column: 'collectedAt', direction: 'desc' }),
});
export type ItemQuery = z.infer<typeof itemQuerySchema>;
export type ItemQueryInput = z.input<typeof itemQuerySchema>;

export const pageSchema = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(0).max(500),
});
export type PageRequest = z.infer<typeof pageSchema>;

/** Which items an action applies to: everything, what matches a query, or a list of ids. */
export const itemScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('query'), query: itemQuerySchema }),
  z.object({ kind: z.literal('ids'), ids: z.array(z.string().max(200)).max(1_000_000) }),
]);
export type ItemScope = z.infer<typeof itemScopeSchema>;
export type ItemScopeInput = z.input<typeof itemScopeSchema>;

export const EXPORT_FORMATS = [
  'jsonl',
  'json',
  'csv',
  'markdown',
  'parquet',
  'langchain',
  'llamaindex',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportRequestSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  scope: itemScopeSchema,
  /** The metadata groups to export (exportFields.ts); every one when left out. */
  fields: z.array(z.enum(EXPORT_FIELD_GROUP_IDS)).max(EXPORT_FIELD_GROUP_IDS.length).optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;

/** Markers around matched words in `titleHighlight` and `snippet` (never present in normal text). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** One row of the list: enough to show and sort, never the whole content. */
export type ItemRow = {
  id: string;
  source: ItemSource;
  title: string;
  /** The title with MATCH_START/MATCH_END around matches when searching. */
  titleHighlight: string | null;
  /** A short excerpt of the content, with match markers when searching. */
  snippet: string;
  repository: string | null;
  tags: string[];
  /** Stars for code files, question + answer score for Q&A. */
  score: number | null;
  language: string | null;
  lines: number | null;
  license: string | null;
  accepted: boolean | null;
  /** Stack Overflow answers only: the answer's own score and its author, which tell answers apart. */
  answerScore: number | null;
  author: string | null;
  collectedAt: string;
};

export type ItemPage = { rows: ItemRow[]; total: number };

export type FacetCount = { value: string; count: number };
export type ItemFacets = {
  source: FacetCount[];
  language: FacetCount[];
  repository: FacetCount[];
  tag: FacetCount[];
  license: FacetCount[];
  accepted: FacetCount[];
  /** Items in the whole collection, whatever the query. */
  collectionTotal: number;
};

export type StartExportResult = { cancelled: true } | { cancelled: false; exportId: string; file: string };

export interface ItemsApi {
  listItems(query: ItemQueryInput, page: PageRequest): Promise<ItemPage>;
  itemFacets(query: ItemQueryInput): Promise<ItemFacets>;
  getItem(id: string): Promise<CollectedItem | null>;
  deleteItems(scope: ItemScopeInput): Promise<{ deleted: number }>;
  /** Asks where to save, then exports in the background with export-progress events. */
  startExport(request: ExportRequestInput): Promise<StartExportResult>;
  cancelExport(exportId: string): Promise<{ cancelled: boolean }>;
  /** Shows a finished export's file in the system file manager. */
  showExportInFolder(exportId: string): Promise<void>;
  /** Opens an item's http(s) link in the system browser. */
  openItemUrl(url: string): Promise<void>;
}

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const ITEMS_API_INPUTS = {
  listItems: z.tuple([itemQuerySchema, pageSchema]),
  itemFacets: z.tuple([itemQuerySchema]),
  getItem: z.tuple([z.string().max(200)]),
  deleteItems: z.tuple([itemScopeSchema]),
  startExport: z.tuple([exportRequestSchema]),
  cancelExport: z.tuple([z.string().max(100)]),
  showExportInFolder: z.tuple([z.string().max(100)]),
  openItemUrl: z.tuple([httpUrl]),
} as const;
