/**
 * The CLI's exit codes, one table for every command (README "Exit codes" and `--help` list the same).
 * A script can tell "try again later" (STOPPED_BY_LIMIT) from "fix something" (the others).
 */
export const EXIT = {
  /** Done: every enabled source completed. */
  OK: 0,
  /** A source failed (e.g. a rejected token); what the others collected is stored; `collect --resume` retries. */
  SOURCE_FAILED: 1,
  /** Bad usage or settings: nothing was started. */
  USAGE: 2,
  /**
   * Try again later: a limit (Stack Exchange's daily quota) or a lost connection stopped the run;
   * `collect --resume` after the reset, or once the connection is back.
   */
  STOPPED_BY_LIMIT: 3,
  /** Storage: the database cannot be opened or is damaged, the disk is full, the data folder unusable. */
  STORAGE: 4,
  /** Another run is in progress on the same data folder. */
  BUSY: 5,
  /** Cancelled with Ctrl-C or SIGTERM; what was collected is stored and the run can be resumed. */
  CANCELLED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each code means, in the words `--help` and README use. */
export const EXIT_CODE_MEANINGS: Record<ExitCode, string> = {
  0: 'done',
  1: 'a source failed (what the others collected is stored; collect --resume retries it), or an export failed',
  2: 'bad usage or settings; nothing was started',
  3: 'stopped by a limit (e.g. the daily quota) or a lost connection; collect --resume after the reset or once it is back',
  4: 'storage: the database cannot be opened or is damaged, the disk is full, or the data folder is unusable',
  5: 'busy: another run is in progress on the same data folder',
  130: 'cancelled (Ctrl-C); what was collected is stored, collect --resume continues',
};
