import { describeRunOutcome, isResumable, RESUMABLE_RUN_STATUSES } from '../../../shared/runOutcome.ts';
import type { RunStatus, RunSummary } from '../../../shared/runsContract.ts';
import type { Settings, SourceId } from '../../../shared/settings.ts';
import type { Database } from './database.ts';

type RunRow = {
  id: number;
  started_at: string;
  ended_at: string | null;
  status: RunStatus;
  counts: string;
  errors: string;
  sources: string;
  checkpoints: number;
};

const SELECT_RUN = `SELECT r.id, r.started_at, r.ended_at, r.status, r.counts, r.errors, r.sources,
  (SELECT COUNT(*) FROM checkpoints c WHERE c.run_id = r.id) AS checkpoints FROM runs r`;

const RESUMABLE = RESUMABLE_RUN_STATUSES.map((s) => `'${s}'`).join(', ');

function toSummary(row: RunRow): RunSummary {
  const sources = JSON.parse(row.sources) as RunSummary['sources'];
  return {
    id: Number(row.id),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    status: row.status,
    outcome: describeRunOutcome(row.status, sources),
    sources,
    counts: JSON.parse(row.counts),
    errors: JSON.parse(row.errors),
    resumable: isResumable(row.status),
  };
}

/** The process a run belongs to while it runs (migration 6). */
export type RunOwner = { pid: number; kind: 'app' | 'cli'; host: string };

/** A run some process left running or paused, with who that was and when it last said it lives. */
export type UnfinishedRun = {
  id: number;
  startedAt: string;
  owner?: RunOwner;
  heartbeatAt?: string;
};

type UnfinishedRow = {
  id: number;
  started_at: string;
  owner_pid: number | null;
  owner_kind: RunOwner['kind'] | null;
  owner_host: string | null;
  heartbeat_at: string | null;
};

/**
 * The runs table: one row per run, with its settings, outcome, counts and errors. `start` records the
 * settings it is given as they are: the run recorder (pipeline/runRecorder.ts) hands them without secrets.
 */
export function createRunsTable(db: Database) {
  return {
    start(recordedSettings: Settings, owner: RunOwner, now = new Date()): number {
      const result = db
        .prepare(
          `INSERT INTO runs (started_at, status, settings, owner_pid, owner_kind, owner_host, heartbeat_at)
           VALUES (?, 'running', ?, ?, ?, ?, ?)`,
        )
        .run(
          now.toISOString(),
          JSON.stringify(recordedSettings),
          owner.pid,
          owner.kind,
          owner.host,
          now.toISOString(),
        );
      return Number(result.lastInsertRowid);
    },
    reopen(runId: number, owner: RunOwner, now = new Date()): void {
      db.prepare(
        `UPDATE runs SET status = 'running', ended_at = NULL, owner_pid = ?, owner_kind = ?, owner_host = ?,
           heartbeat_at = ? WHERE id = ?`,
      ).run(owner.pid, owner.kind, owner.host, now.toISOString(), runId);
    },
    /** The owner of a running run says it is still alive. */
    heartbeat(runId: number, now = new Date()): void {
      db.prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ?').run(now.toISOString(), runId);
    },
    /** Runs left "running" or "paused", with their owners. */
    unfinished(): UnfinishedRun[] {
      const rows = db
        .prepare(
          `SELECT id, started_at, owner_pid, owner_kind, owner_host, heartbeat_at FROM runs
           WHERE status IN ('running', 'paused') ORDER BY id`,
        )
        .all() as UnfinishedRow[];
      return rows.map((r) => ({
        id: Number(r.id),
        startedAt: r.started_at,
        ...(r.owner_pid !== null && {
          owner: { pid: Number(r.owner_pid), kind: r.owner_kind ?? 'app', host: r.owner_host ?? '' },
        }),
        ...(r.heartbeat_at && { heartbeatAt: r.heartbeat_at }),
      }));
    },
    setStatus(runId: number, status: RunStatus): void {
      db.prepare('UPDATE runs SET status = ? WHERE id = ?').run(status, runId);
    },
    finish(
      runId: number,
      ended: Pick<RunSummary, 'status' | 'sources' | 'counts' | 'errors'>,
      now = new Date(),
    ) {
      db.prepare(
        'UPDATE runs SET status = ?, ended_at = ?, sources = ?, counts = ?, errors = ? WHERE id = ?',
      ).run(
        ended.status,
        now.toISOString(),
        JSON.stringify(ended.sources),
        JSON.stringify(ended.counts),
        JSON.stringify(ended.errors.slice(-50)),
        runId,
      );
    },
    /** Runs a process that died left "running" or "paused": they become "interrupted" (resumable). */
    markInterrupted(runIds: readonly number[]): void {
      const mark = db.prepare(
        "UPDATE runs SET status = 'interrupted' WHERE id = ? AND status IN ('running', 'paused')",
      );
      for (const id of runIds) mark.run(id);
    },
    get(runId: number): RunSummary | undefined {
      const row = db.prepare(`${SELECT_RUN} WHERE r.id = ?`).get(runId) as RunRow | undefined;
      return row && toSummary(row);
    },
    list(limit: number): RunSummary[] {
      return (db.prepare(`${SELECT_RUN} ORDER BY r.id DESC LIMIT ?`).all(limit) as RunRow[]).map(toSummary);
    },
    /** The newest run that can continue from its checkpoints: interrupted, or stopped by a limit. */
    latestResumable(): RunSummary | undefined {
      const row = db
        .prepare(`${SELECT_RUN} WHERE r.status IN (${RESUMABLE}) ORDER BY r.id DESC LIMIT 1`)
        .get() as RunRow | undefined;
      return row && toSummary(row);
    },
    /** The settings a run was recorded with (no secrets). */
    recordedSettings(runId: number): Settings {
      const row = db.prepare('SELECT settings FROM runs WHERE id = ?').get(runId) as { settings: string };
      return JSON.parse(row.settings) as Settings;
    },
  };
}

/** A source's checkpoint within a run; `save` is meant to run inside the items' transaction. */
export function checkpointStore(db: Database, runId: number, source: SourceId) {
  return {
    load(): unknown {
      const row = db
        .prepare('SELECT state FROM checkpoints WHERE run_id = ? AND source = ?')
        .get(runId, source) as { state: string } | undefined;
      return row ? JSON.parse(row.state) : undefined;
    },
    save(state: unknown): void {
      db.prepare(
        `INSERT INTO checkpoints (run_id, source, state, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (run_id, source) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ).run(runId, source, JSON.stringify(state), new Date().toISOString());
    },
  };
}
