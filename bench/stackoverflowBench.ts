import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/main/core/logging/logger.ts';
import {
  collectStackOverflow,
  type AnswerStrategy,
} from '../src/main/core/stackexchange/stackoverflowCollector.ts';
import { openDatabase } from '../src/main/core/store/database.ts';
import type { CollectorEvent } from '../src/shared/collectorEvents.ts';
import { defaultSettings } from '../src/shared/settings.ts';
import { startFakeStackExchange } from '../test/fakes/stackexchange/fakeStackExchange.ts';

const QUESTIONS = 10_000;

/** One full run against the fake: 10,000 answered questions, ~2 answers each, a backoff now and then. */
async function benchStrategy(answerStrategy: AnswerStrategy): Promise<void> {
  const fake = await startFakeStackExchange({
    site: { questions: 12_000, tags: ['python'], emptyBodyShare: 0 },
    backoff: { seconds: 1, every: 50 },
  });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-so-bench-'));
  const db = openDatabase(path.join(folder, 'items.sqlite'));
  const settings = defaultSettings();
  Object.assign(settings.stackoverflow, {
    baseUrl: fake.url,
    apiKey: 'fake-se-key-0001',
    tags: ['python'],
    minQuestionScore: -1000,
    minAnswerScore: -1000,
    maxAnswersPerQuestion: 10,
    maxQuestions: QUESTIONS,
  });
  let waits = 0;
  const started = performance.now();
  try {
    const result = await collectStackOverflow(
      {
        settings,
        db,
        signal: new AbortController().signal,
        log: silentLogger,
        emit: (e: CollectorEvent) => void (e.type === 'wait' && waits++),
      },
      { answerStrategy },
    );
    const seconds = (performance.now() - started) / 1000;
    const items = result.progress.items.inserted;
    const requests = fake.totalRequests();
    console.log(
      `\n[stackoverflow] answers ${answerStrategy}: ${result.outcome}${result.reason ? ` (${result.reason})` : ''}`,
    );
    console.log(
      `  questions done       ${result.progress.done} (${fake.site.answerCount} answers on the site)`,
    );
    console.log(`  Q&A items stored     ${items}`);
    console.log(
      `  requests             ${requests}  by method ${JSON.stringify(Object.fromEntries(fake.requests))}`,
    );
    console.log(`  items per request    ${(items / requests).toFixed(1)}  (goal >= 90)`);
    console.log(
      `  items per second     ${(items / seconds).toFixed(0)}  (${seconds.toFixed(1)} s, ${waits} backoff waits included)`,
    );
    console.log(`  throttle violations  ${fake.throttleViolations}  (goal 0)`);
    console.log(`  errors               ${result.progress.errors}`);
  } finally {
    db.close();
    fs.rmSync(folder, { recursive: true, force: true });
    await fake.close();
  }
}

export async function benchStackOverflow(): Promise<void> {
  for (const strategy of ['embedded', 'vectorized'] as const) await benchStrategy(strategy);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchStackOverflow();
