import { createHash } from 'node:crypto';
import type { ItemCounts } from '../../../shared/collectorEvents.ts';
import type { CollectedItem, ItemSource } from '../../../shared/items.ts';
import { itemColumns } from './itemColumns.ts';
import { transaction, type Database } from './database.ts';

export type SkipRecord = {
  source: string;
  subject: string;
  reason: string;
  detail?: string;
};

/** What tells an updated item from an unchanged one: the sha256 of its content. */
export const contentHashOf = (content: string) => createHash('sha256').update(content).digest('hex');

export const emptyCounts = (): ItemCounts => ({ inserted: 0, updated: 0, unchanged: 0, duplicates: 0 });

const fromGithub = (item: CollectedItem) => item.source === 'github_code' || item.source === 'github_doc';

function itemPath(item: CollectedItem): string {
  return fromGithub(item) ? `${item.metadata.repository}/${item.metadata.path}` : '';
}

/**
 * Writes a batch in one transaction: its items, its skips and `alsoInTransaction` (handed the batch's
 * counts), so a checkpoint is saved exactly with the items, skips and figures it covers. An item whose id
 * is stored with the same content hash is left alone; with another hash it is updated. A GitHub file
 * whose blob SHA is already stored under another id (a fork, a vendored copy) is counted as a duplicate
 * and not stored.
 */
export function upsertItems(
  db: Database,
  items: readonly CollectedItem[],
  options: {
    runId?: number;
    now?: string;
    skips?: readonly SkipRecord[];
    alsoInTransaction?: (counts: ItemCounts) => void;
  } = {},
): ItemCounts {
  const counts = emptyCounts();
  const now = options.now ?? new Date().toISOString();
  const byId = db.prepare('SELECT rowid, content_hash FROM items WHERE id = ?');
  const byBlob = db.prepare('SELECT id FROM items WHERE blob_sha = ? AND id <> ? LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO items (id, source, title, path, content, content_hash, metadata, blob_sha, collected_at, updated_at, run_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`,
  );
  const update = db.prepare(
    `UPDATE items SET title = ?, path = ?, content = ?, content_hash = ?, metadata = ?, blob_sha = ?, updated_at = ?, run_id = ?
     WHERE id = ?`,
  );
  const insertFacets = db.prepare(
    `INSERT INTO item_facets
       (item_rowid, source, title, collected_at, language, repository, score, lines, license, accepted, created)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // An update keeps the first collection time, as items.collected_at does.
  const updateFacets = db.prepare(
    `UPDATE item_facets SET title = ?, language = ?, repository = ?, score = ?, lines = ?, license = ?, accepted = ?, created = ?
     WHERE item_rowid = ?`,
  );
  const clearTags = db.prepare('DELETE FROM item_tags WHERE item_rowid = ?');
  const insertSkip = db.prepare(
    'INSERT INTO skips (run_id, source, subject, reason, detail, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const addTag = db.prepare('INSERT OR IGNORE INTO item_tags (item_rowid, tag) VALUES (?, ?)');
  transaction(db, () => {
    for (const item of items) {
      const blobSha = fromGithub(item) ? item.metadata.blobSha : null;
      const existing = byId.get(item.id) as { rowid: number; content_hash: string } | undefined;
      if (existing?.content_hash === item.contentHash) {
        counts.unchanged++;
        continue;
      }
      if (blobSha && byBlob.get(blobSha, item.id)) {
        counts.duplicates++;
        continue;
      }
      const metadata = JSON.stringify(item.metadata);
      const runId = options.runId ?? null;
      const c = itemColumns(item);
      const facets = [c.language, c.repository, c.score, c.lines, c.license, c.accepted, c.created] as const;
      if (existing) {
        update.run(
          item.title,
          itemPath(item),
          item.content,
          item.contentHash,
          metadata,
          blobSha,
          now,
          runId,
          item.id,
        );
        updateFacets.run(item.title, ...facets, existing.rowid);
        clearTags.run(existing.rowid);
        for (const tag of c.tags) addTag.run(existing.rowid, tag);
        counts.updated++;
      } else {
        const { rowid } = insert.get(
          item.id,
          item.source,
          item.title,
          itemPath(item),
          item.content,
          item.contentHash,
          metadata,
          blobSha,
          item.collectedAt,
          now,
          runId,
        ) as { rowid: number };
        insertFacets.run(rowid, item.source, item.title, item.collectedAt, ...facets);
        for (const tag of c.tags) addTag.run(rowid, tag);
        counts.inserted++;
      }
    }
    for (const s of options.skips ?? [])
      insertSkip.run(options.runId ?? null, s.source, s.subject, s.reason, s.detail ?? null, now);
    options.alsoInTransaction?.(counts);
  });
  return counts;
}

export function countItems(db: Database): Record<ItemSource, number> & { total: number } {
  const rows = db.prepare('SELECT source, COUNT(*) AS n FROM items GROUP BY source').all() as {
    source: ItemSource;
    n: number;
  }[];
  const counts = { github_code: 0, github_doc: 0, stackoverflow_qa: 0, total: 0 };
  for (const r of rows) {
    counts[r.source] = Number(r.n);
    counts.total += Number(r.n);
  }
  return counts;
}

/** The columns that make a CollectedItem, for SELECTs that hand rows to `toCollectedItem`. */
export const ITEM_COLUMNS = 'id, source, title, content, content_hash, metadata, collected_at';

export type ItemRecord = {
  id: string;
  source: ItemSource;
  title: string;
  content: string;
  content_hash: string;
  metadata: string;
  collected_at: string;
};

export function toCollectedItem(row: ItemRecord): CollectedItem {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    content: row.content,
    contentHash: row.content_hash,
    collectedAt: row.collected_at,
    metadata: JSON.parse(row.metadata),
  } as CollectedItem;
}

export function readItem(db: Database, id: string): CollectedItem | undefined {
  const row = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ?`).get(id) as ItemRecord | undefined;
  return row && toCollectedItem(row);
}
