/**
 * The Runs part of the contract: start, pause, resume, cancel, history, live metrics.
 * (Filled in by issue 5; merged into Api in api.ts.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RunsApi {}

export const RUNS_API_INPUTS = {} as const;
