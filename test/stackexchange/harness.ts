import type { CollectorEvent } from '../../src/shared/collectorEvents.ts';
import { defaultSettings, type Settings } from '../../src/shared/settings.ts';
import type { CollectorContext } from '../../src/main/core/collectors/collector.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import type { FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';

export const TEST_KEY = 'fake-se-key-0001';

/** Client limits that keep waits short in tests; the backoff margin stays a real, positive one. */
export const FAST_LIMITS = {
  backoffMarginMs: 50,
  throttleWaitMs: 100,
  retryBaseMs: 10,
  maxThrottleWaitMs: 60_000,
};

export type TestRun = {
  ctx: CollectorContext;
  db: Database;
  events: CollectorEvent[];
  controller: AbortController;
};

/** A collector context against the fake: in-memory database, recorded events. */
export function testRun(
  fake: FakeStackExchange,
  change: (so: Settings['stackoverflow'], s: Settings) => void = () => {},
  db: Database = openDatabase(':memory:'),
): TestRun {
  const settings = defaultSettings();
  Object.assign(settings.stackoverflow, {
    baseUrl: fake.url,
    apiKey: TEST_KEY,
    tags: ['python'],
    minQuestionScore: 0,
    minAnswerScore: 0,
    maxQuestions: 100,
  });
  change(settings.stackoverflow, settings);
  const events: CollectorEvent[] = [];
  const controller = new AbortController();
  const ctx: CollectorContext = {
    settings,
    db,
    signal: controller.signal,
    log: silentLogger,
    emit: (e) => events.push(e),
    runId: 1,
  };
  return { ctx, db, events, controller };
}

export type StoredQa = { id: string; content: string; metadata: Record<string, unknown> };

export function storedQa(db: Database): StoredQa[] {
  const rows = db
    .prepare("SELECT id, content, metadata FROM items WHERE source = 'stackoverflow_qa' ORDER BY id")
    .all() as {
    id: string;
    content: string;
    metadata: string;
  }[];
  return rows.map((r) => ({ id: r.id, content: r.content, metadata: JSON.parse(r.metadata) }));
}
