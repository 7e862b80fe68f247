/**
 * The CLI's exit codes, one table for every command (README "Exit codes" lists the same).
 * A script can tell "try again later" (STOPPED_BY_LIMIT) from "fix something" (the others).
 */
export const EXIT = {
  /** Done: every enabled source completed. */
  OK: 0,
  /** A source failed (e.g. a rejected token); what the others collected is stored. */
  SOURCE_FAILED: 1,
  /** Bad usage or settings: nothing was started. */
  USAGE: 2,
  /** A limit stopped the run (e.g. Stack Exchange's daily quota): `collect --resume` after the reset. */
  STOPPED_BY_LIMIT: 3,
  /** Storage: the database cannot be opened or is damaged, the disk is full, the data folder unusable. */
  STORAGE: 4,
  /** Another run is in progress on the same data folder. */
  BUSY: 5,
  /** Cancelled with Ctrl-C or SIGTERM; what was collected is stored and the run can be resumed. */
  CANCELLED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
