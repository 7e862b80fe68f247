import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { countItems, upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

describe('a full disk while writing items', () => {
  it('reports "Disk full at PATH", not the failed rollback, and keeps what was stored', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chi-full-')), 'items.sqlite');
    const db = openDatabase(file);
    upsertItems(db, makeItems(20, { seed: 1 }));
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    // SQLite reports a full database as it would a full disk.
    db.exec(`PRAGMA max_page_count = ${pages + 2}`);
    expect(() => upsertItems(db, makeItems(400, { seed: 2 }))).toThrow(`Disk full at ${file}.`);
    expect(countItems(db).total).toBe(20);
    db.close();
  });
});
