import { toDocument } from './documentShapes.ts';
import { textFile, type ExportWriter } from './exportWriter.ts';

/** One JSON array, written element by element so it never sits in memory whole. */
export function jsonWriter(file: string): ExportWriter {
  const out = textFile(file);
  let first = true;
  return {
    async write(item) {
      await out.write(`${first ? '[\n' : ',\n'}${JSON.stringify(toDocument(item, 'item'))}`);
      first = false;
    },
    async finish() {
      await out.write(first ? '[]\n' : '\n]\n');
      await out.end();
    },
    abort: () => out.destroy(),
  };
}
