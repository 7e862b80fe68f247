export type CapReason = 'archive_too_large' | 'archive_too_many_entries';

/** Past a cap of the settings: the repository is skipped with `reason`, and not read another way. */
export class ArchiveCapError extends Error {
  override name = 'ArchiveCapError';
  readonly reason: CapReason;
  constructor(reason: CapReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** github.maxInflatedMb and github.maxArchiveEntries, as bytes and a count. */
export type ArchiveCaps = { maxInflatedBytes: number; maxEntries: number };

export const tooManyEntries = (max: number) =>
  new ArchiveCapError(
    'archive_too_many_entries',
    `the repository holds more than ${max.toLocaleString('en-US')} entries (github.maxArchiveEntries)`,
  );
