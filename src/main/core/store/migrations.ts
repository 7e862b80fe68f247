/**
 * Schema versions, applied in order and recorded in PRAGMA user_version. Never edit a released
 * migration: add the next one. Numbers are reserved per branch and may land out of order: a migration
 * numbered below a database's version gives a `probe` (a query that answers a row once it is applied),
 * and is applied when the probe finds nothing.
 */
export type Migration = { version: number; name: string; sql: string; probe?: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs and checkpoints',
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
      -- Where each source of a run is, written in the same transaction as the items it covers.
      CREATE TABLE checkpoints (
        run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        source      TEXT NOT NULL,
        state       TEXT NOT NULL,            -- JSON, the collector's own shape
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (run_id, source)
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
  {
    version: 3,
    name: 'item facets and tags for the Items screen',
    sql: `
      -- What the Items screen filters, sorts and counts by, copied out of the metadata by upsertItems. A
      -- narrow table of its own: tens of thousands of lookups per search stay cheap, unlike on items,
      -- whose rows carry the content.
      CREATE TABLE item_facets (
        item_rowid   INTEGER PRIMARY KEY REFERENCES items(rowid) ON DELETE CASCADE,
        source       TEXT NOT NULL,
        title        TEXT NOT NULL,
        collected_at TEXT NOT NULL,
        language     TEXT,
        repository   TEXT,
        score        INTEGER,                -- stars (code) or question + answer score (Q&A)
        lines        INTEGER,
        license      TEXT,
        accepted     INTEGER,                -- Q&A only: 1 accepted answer, 0 not
        created      TEXT
      );
      CREATE TABLE item_tags (
        item_rowid INTEGER NOT NULL REFERENCES items(rowid) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (tag, item_rowid)
      ) WITHOUT ROWID;
      CREATE INDEX item_tags_item ON item_tags(item_rowid);

      INSERT INTO item_facets (item_rowid, source, title, collected_at, language, repository, score, lines, license, created)
        SELECT rowid, source, title, collected_at, json_extract(metadata, '$.language'),
          json_extract(metadata, '$.repository'), json_extract(metadata, '$.stars'),
          json_extract(metadata, '$.linesOfCode'), json_extract(metadata, '$.license'),
          nullif(json_extract(metadata, '$.lastModified'), '')
        FROM items WHERE source = 'github_code';
      INSERT INTO item_facets (item_rowid, source, title, collected_at, language, score, lines, license, accepted, created)
        SELECT rowid, source, title, collected_at,
          (SELECT value FROM json_each(metadata, '$.tags')
            WHERE value IN ('python', 'javascript', 'typescript', 'java', 'go', 'rust') LIMIT 1),
          json_extract(metadata, '$.totalScore'),
          length(content) - length(replace(content, char(10), '')) + 1,
          json_extract(metadata, '$.license'), json_extract(metadata, '$.accepted'),
          nullif(json_extract(metadata, '$.createdAt'), '')
        FROM items WHERE source = 'stackoverflow_qa';
      INSERT OR IGNORE INTO item_tags (item_rowid, tag)
        SELECT items.rowid, tags.value FROM items, json_each(items.metadata, '$.tags') AS tags
        WHERE items.source = 'stackoverflow_qa';

      CREATE INDEX item_facets_source       ON item_facets(source);
      CREATE INDEX item_facets_language     ON item_facets(language);
      CREATE INDEX item_facets_repository   ON item_facets(repository);
      CREATE INDEX item_facets_score        ON item_facets(score);
      CREATE INDEX item_facets_lines        ON item_facets(lines);
      CREATE INDEX item_facets_license      ON item_facets(license);
      CREATE INDEX item_facets_accepted     ON item_facets(accepted) WHERE accepted IS NOT NULL;
      CREATE INDEX item_facets_title        ON item_facets(title);
      CREATE INDEX item_facets_collected_at ON item_facets(collected_at);
    `,
  },
  {
    version: 4,
    name: 'GitHub repositories collected',
    sql: `
      -- A repository read in full, with its push date and the file filters used: a later run with the same
      -- filters skips it until something is pushed (no request at all).
      CREATE TABLE github_repos (
        repository    TEXT PRIMARY KEY,
        pushed_at     TEXT,
        filters       TEXT NOT NULL,      -- hash of the settings that decide which files are kept
        collected_at  TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'prefix indexes for search as you type',
    sql: `
      -- The last word of a search matches as a prefix while it is being typed. Without an index of
      -- prefixes FTS5 merges the lists of every word that starts so, three times a search (count, bm25's
      -- statistics, the matches); these are the lengths people type. Costs about a third more space.
      DROP TABLE items_fts;
      CREATE VIRTUAL TABLE items_fts USING fts5(
        title, path, content, content='items', content_rowid='rowid', tokenize='unicode61',
        prefix='3 4 5 6'
      );
      INSERT INTO items_fts(items_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 6,
    name: 'who runs a run',
    probe: "SELECT 1 FROM pragma_table_info('runs') WHERE name = 'owner_pid'",
    sql: `
      -- The process a running run belongs to and when it last said it is alive: the app and the CLI share a
      -- data folder, and a run whose owner lives is never taken for one a dead process left behind.
      ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE runs ADD COLUMN owner_kind TEXT;      -- app | cli
      ALTER TABLE runs ADD COLUMN owner_host TEXT;      -- os.hostname(): a pid means nothing elsewhere
      ALTER TABLE runs ADD COLUMN heartbeat_at TEXT;
    `,
  },
  {
    version: 7,
    name: 'how each source of a run ended',
    sql: `
      -- JSON { source: { status, reason?, resumeAt? } }: the run history says why a run is partial or
      -- stopped, and when a stopped run can resume. Runs are now also partial | stopped.
      ALTER TABLE runs ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
    `,
  },
  {
    version: 10,
    name: 'titles and paths by any prefix',
    sql: `
      -- Search as you type from the first letter: a one- or two-letter last word matches titles and paths
      -- by prefix here (items_fts indexes prefixes from three letters: shorter ones would expand to most
      -- of the content's words). Titles and paths are short, so this index is small.
      CREATE VIRTUAL TABLE items_titles_fts USING fts5(
        title, path, content='items', content_rowid='rowid', tokenize='unicode61', prefix='1 2'
      );
      INSERT INTO items_titles_fts(items_titles_fts) VALUES ('rebuild');
      CREATE TRIGGER items_titles_ai AFTER INSERT ON items BEGIN
        INSERT INTO items_titles_fts(rowid, title, path) VALUES (new.rowid, new.title, new.path);
      END;
      CREATE TRIGGER items_titles_ad AFTER DELETE ON items BEGIN
        INSERT INTO items_titles_fts(items_titles_fts, rowid, title, path)
          VALUES ('delete', old.rowid, old.title, old.path);
      END;
      CREATE TRIGGER items_titles_au AFTER UPDATE OF title, path ON items BEGIN
        INSERT INTO items_titles_fts(items_titles_fts, rowid, title, path)
          VALUES ('delete', old.rowid, old.title, old.path);
        INSERT INTO items_titles_fts(rowid, title, path) VALUES (new.rowid, new.title, new.path);
      END;
    `,
  },
];
