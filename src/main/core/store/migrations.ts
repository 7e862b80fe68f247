/**
 * Schema versions, applied in order and recorded in PRAGMA user_version. Never edit a released
 * migration: add the next one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'runs',
    sql: `
      CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        status      TEXT NOT NULL,            -- running | completed | cancelled | failed | interrupted
        settings    TEXT NOT NULL,            -- JSON, secrets removed
        counts      TEXT NOT NULL DEFAULT '{}',
        errors      TEXT NOT NULL DEFAULT '[]'
      );
    `,
  },
  {
    version: 2,
    name: 'items, full-text index and skip log',
    sql: `
      CREATE TABLE items (
        rowid         INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        source        TEXT NOT NULL,          -- github_code | stackoverflow_qa
        title         TEXT NOT NULL,
        path          TEXT NOT NULL DEFAULT '',
        content       TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        metadata      TEXT NOT NULL,          -- JSON of the item's metadata
        blob_sha      TEXT,                   -- GitHub only: dedupes forks and vendored copies
        collected_at  TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        run_id        INTEGER
      );
      CREATE INDEX items_source ON items(source);
      CREATE INDEX items_blob_sha ON items(blob_sha) WHERE blob_sha IS NOT NULL;

      CREATE VIRTUAL TABLE items_fts USING fts5(
        title, path, content, content='items', content_rowid='rowid', tokenize='unicode61'
      );
      CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
        INSERT INTO items_fts(rowid, title, path, content) VALUES (new.rowid, new.title, new.path, new.content);
      END;
      CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, path, content)
          VALUES ('delete', old.rowid, old.title, old.path, old.content);
      END;
      CREATE TRIGGER items_au AFTER UPDATE ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, path, content)
          VALUES ('delete', old.rowid, old.title, old.path, old.content);
        INSERT INTO items_fts(rowid, title, path, content) VALUES (new.rowid, new.title, new.path, new.content);
      END;

      CREATE TABLE skips (
        id        INTEGER PRIMARY KEY,
        run_id    INTEGER,
        source    TEXT NOT NULL,
        subject   TEXT NOT NULL,              -- repository/path, question id, ...
        reason    TEXT NOT NULL,              -- short code: binary, too_large, minified, excluded_glob, ...
        detail    TEXT,
        at        TEXT NOT NULL
      );
      CREATE INDEX skips_run ON skips(run_id, source, reason);
    `,
  },
];
