import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { CollectedItem } from '../../../shared/items.ts';

/** One export format: items go in one at a time, then the file is finished (or abandoned). */
export type ExportWriter = {
  write(item: CollectedItem): Promise<void>;
  /** Completes the file (closing brackets, footers, parquet metadata). */
  finish(): Promise<void>;
  /** Stops writing without completing; the runner then removes the temporary file. */
  abort(): Promise<void>;
};

/** A text file written with backpressure: write() waits while the OS catches up. */
export function textFile(file: string) {
  const stream = fs.createWriteStream(file, { encoding: 'utf8' });
  return {
    stream,
    async write(chunk: string): Promise<void> {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async end(): Promise<void> {
      stream.end();
      await finished(stream);
    },
    async destroy(): Promise<void> {
      stream.destroy();
      await finished(stream).catch(() => undefined);
    },
  };
}
