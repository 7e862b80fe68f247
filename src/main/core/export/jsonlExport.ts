import { toDocument, type DocumentShape } from './documentShapes.ts';
import { textFile, type ExportWriter } from './exportWriter.ts';

/** One JSON document per line: the item itself, or a LangChain / LlamaIndex document. */
export function jsonlWriter(file: string, shape: DocumentShape = 'item'): ExportWriter {
  const out = textFile(file);
  return {
    write: (item) => out.write(`${JSON.stringify(toDocument(item, shape))}\n`),
    finish: () => out.end(),
    abort: () => out.destroy(),
  };
}
