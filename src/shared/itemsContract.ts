/**
 * The Items part of the contract: browse, search, facets, detail, delete and export.
 * (Filled in by issue 6; merged into Api in api.ts.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ItemsApi {}

export const ITEMS_API_INPUTS = {} as const;
