import type { CollectedItem } from '../../../shared/items.ts';

/** The shape of one exported record in the JSON-based formats. */
export type DocumentShape = 'item' | 'langchain' | 'llamaindex';

/** Metadata as RAG frameworks like it: flat, with the item's own fields added. */
const ragMetadata = (item: CollectedItem) => ({
  id: item.id,
  source: item.source,
  title: item.title,
  collected_at: item.collectedAt,
  ...item.metadata,
});

export function toDocument(item: CollectedItem, shape: DocumentShape): Record<string, unknown> {
  if (shape === 'langchain') return { page_content: item.content, metadata: ragMetadata(item) };
  if (shape === 'llamaindex') return { id_: item.id, text: item.content, metadata: ragMetadata(item) };
  return { id: item.id, source: item.source, content: item.content, metadata: item.metadata };
}
