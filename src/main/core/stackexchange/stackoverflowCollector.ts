import type { SourceProgress } from '../../../shared/events.ts';
import type { CollectorContext, CollectorResult } from '../collectors/collector.ts';
import { progressReporter } from '../collectors/progressReporter.ts';
import type { SkipRecord } from '../store/itemStore.ts';
import { emptyCounts } from '../store/itemStore.ts';
import { createBatchWriter } from './batchWriter.ts';
import { buildQaItems, selectAnswers } from './qaItems.ts';
import { createSeClient, SeStop, type SeClientLimits } from './seClient.ts';
import { FILTER_WITH_ANSWERS, FILTER_WITH_BODY } from './seFilters.ts';
import { nextUtcMidnight } from './seHealth.ts';
import { fetchAnswers, fetchQuestionPage, MAX_IDS, type QuestionQuery } from './seQueries.ts';
import type { SeAnswer, SeQuestion } from './seTypes.ts';

/**
 * How answers are fetched. "embedded": one /questions page carries its questions' answers (custom filter
 * with question.answers), 1 request per 100 questions. "vectorized": /questions with bodies, then
 * /questions/{100 ids}/answers paged, about 1 + (answers per question) requests per 100 questions.
 */
export type AnswerStrategy = 'embedded' | 'vectorized';

export type StackOverflowOptions = {
  answerStrategy?: AnswerStrategy;
  /** Only questions created in this window. */
  fromDate?: Date;
  toDate?: Date;
  limits?: Partial<SeClientLimits>;
  progressIntervalMs?: number;
};

const SOURCE = 'stackoverflow';

/** What a resumed run needs: each tag's next page, the questions seen and the figures so far. */
type StackOverflowCheckpoint = {
  streams: { page: number; more: boolean }[];
  seen: number[];
  progress: Pick<SourceProgress, 'done' | 'items' | 'skips' | 'errors'>;
};

/**
 * Collects Stack Overflow Q&A pairs into the store. Tags are "any of": one query per tag (the API's
 * `tagged=a;b` means all of them), taken in turns page by page and deduplicated by question id.
 * `done` counts questions that gave at least one item; the run stops at maxQuestions.
 * Skips count answers not kept (low_score_answer, not_accepted, answer_limit, no_body) and questions
 * left out as a whole (no_answers, no_body, fetch_failed). With the vectorized strategy the API already
 * drops answers under the minimum, so such a question counts once as low_score_answer.
 */
export async function collectStackOverflow(
  ctx: CollectorContext,
  options: StackOverflowOptions = {},
): Promise<CollectorResult> {
  const so = ctx.settings.stackoverflow;
  const { batchSize, continueOnError, maxErrorsPerSource } = ctx.settings.pipeline;
  const strategy = options.answerStrategy ?? 'embedded';
  const progress: SourceProgress = {
    source: SOURCE,
    phase: 'searching',
    done: 0,
    total: so.maxQuestions,
    unit: 'questions',
    items: emptyCounts(),
    skips: {},
    errors: 0,
    requests: 0,
  };
  const resumed = ctx.checkpoint?.initial as StackOverflowCheckpoint | undefined;
  if (resumed) Object.assign(progress, structuredClone(resumed.progress));
  const ticker = progressReporter(ctx.emit, () => progress, options.progressIntervalMs);
  const client = createSeClient({
    baseUrl: so.baseUrl,
    site: so.site,
    key: so.apiKey || undefined,
    signal: ctx.signal,
    fetch: ctx.fetch,
    limits: options.limits,
    onWait: (reason, until) => ctx.emit({ type: 'wait', source: SOURCE, reason, until: until.toISOString() }),
    onError: (error, willRetry) => {
      progress.errors++;
      ctx.log.warn('Stack Exchange request failed', { message: error.message, willRetry });
      ctx.emit({ type: 'error', source: SOURCE, message: error.message, fatal: false });
    },
    onResponse: (wrapper) => {
      progress.requests = client.requests;
      progress.quota = [
        {
          name: 'daily',
          remaining: wrapper.quota_remaining,
          max: wrapper.quota_max,
          resetAt: nextUtcMidnight(new Date()),
        },
      ];
      ticker.tick();
    },
  });
  const writer = createBatchWriter(ctx.db, {
    batchSize,
    runId: ctx.runId,
    onWritten: (counts) => {
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) progress.items[k] += counts[k];
    },
  });

  const skip = (skips: SkipRecord[], subject: string, reason: string, detail?: string) => {
    progress.skips[reason] = (progress.skips[reason] ?? 0) + 1;
    skips.push({ source: SOURCE, subject, reason, detail });
  };

  /** A request that failed for good: skip its part and carry on, unless errors say to stop. */
  const giveUp = (what: string, error: unknown) => {
    if (error instanceof SeStop || ctx.signal.aborted) throw error;
    ctx.log.warn(`Stack Exchange: gave up on ${what}`, { message: (error as Error).message });
    if (!continueOnError || progress.errors >= maxErrorsPerSource)
      throw new SeStop(`too many errors (${progress.errors}); last: ${(error as Error).message}`, 'failed');
  };

  /** Turns questions (with their answers found) into items, in order, until maxQuestions. */
  const keep = (questions: readonly SeQuestion[], answersOf: (q: SeQuestion) => SeAnswer[]) => {
    for (const question of questions) {
      if (progress.done >= so.maxQuestions) return;
      const skips: SkipRecord[] = [];
      const subject = `question ${question.question_id}`;
      const answers = answersOf(question);
      const { kept, skipped } = selectAnswers(answers, so);
      for (const s of skipped)
        skip(skips, `answer ${s.answer.answer_id} of ${subject}`, s.reason, `score ${s.answer.score}`);
      if (answers.length === 0)
        skip(skips, subject, strategy === 'vectorized' ? 'low_score_answer' : 'no_answers');
      if (kept.length > 0) progress.done++;
      writer.add(buildQaItems(so.site, question, kept), skips);
      ticker.tick();
    }
  };

  /**
   * Vectorized answers: candidates wait here until they fill a vector of 100 ids, so answer pages come back
   * as full as the data allows (a few spare ids cost nothing, a half-empty vector costs a request).
   */
  const pending: SeQuestion[] = [];
  const fetchPendingAnswers = async (all: boolean) => {
    while (progress.done < so.maxQuestions) {
      if (pending.length === 0 || (!all && pending.length < MAX_IDS)) return;
      const chunk = pending.splice(0, MAX_IDS);
      progress.phase = 'fetching answers';
      try {
        const found = await fetchAnswers(
          client,
          chunk.map((q) => q.question_id),
          so.minAnswerScore,
        );
        keep(chunk, (q) => found.get(q.question_id) ?? []);
      } catch (error) {
        giveUp(`answers of ${chunk.length} questions`, error);
        const skips: SkipRecord[] = [];
        for (const q of chunk) skip(skips, `question ${q.question_id}`, 'fetch_failed');
        writer.add([], skips);
      }
      progress.phase = 'searching';
    }
  };

  const processPage = async (page: SeQuestion[], seen: Set<number>) => {
    const skips: SkipRecord[] = [];
    const candidates: SeQuestion[] = [];
    for (const q of page) {
      if (seen.has(q.question_id)) continue;
      seen.add(q.question_id);
      if (q.answer_count === 0) skip(skips, `question ${q.question_id}`, 'no_answers');
      else if (!q.body?.trim()) skip(skips, `question ${q.question_id}`, 'no_body');
      else candidates.push(q);
    }
    writer.add([], skips);
    if (strategy === 'embedded') keep(candidates, (q) => q.answers ?? []);
    else {
      pending.push(...candidates);
      await fetchPendingAnswers(false);
    }
  };

  const finish = (outcome: CollectorResult['outcome'], reason?: string): CollectorResult => {
    progress.phase = 'done';
    progress.requests = client.requests;
    ticker.final();
    return { outcome, ...(reason ? { reason } : {}), progress };
  };

  const streams = so.tags.map((tag) => ({
    query: {
      tag,
      minScore: so.minQuestionScore,
      filter: strategy === 'embedded' ? FILTER_WITH_ANSWERS : FILTER_WITH_BODY,
      fromDate: options.fromDate,
      toDate: options.toDate,
    } satisfies QuestionQuery,
    page: 1,
    more: true,
  }));
  resumed?.streams.forEach((saved, i) => streams[i] && Object.assign(streams[i], saved));
  const seen = new Set<number>(resumed?.seen);
  const save = ctx.checkpoint?.save;
  /** Stores what is pending with the position reached, once no question waits for its answers. */
  const checkpoint = () => {
    if (!save || pending.length > 0) return;
    const { done, items, skips, errors } = progress;
    const state: StackOverflowCheckpoint = {
      streams: streams.map(({ page, more }) => ({ page, more })),
      seen: [...seen],
      progress: structuredClone({ done, items, skips, errors }),
    };
    writer.flush(() => save(state));
  };
  type Stream = (typeof streams)[number];
  // Each worker takes the next tag in turn, one page at a time: tags share maxQuestions fairly, and a tag
  // never has two pages in flight, so the page a checkpoint saves is always the next one to fetch.
  const busy = new Set<Stream>();
  let turn = 0;
  const nextStream = (): Stream | undefined => {
    for (let i = 0; i < streams.length; i++) {
      const stream = streams[(turn + i) % streams.length];
      if (stream.more && !busy.has(stream)) {
        turn = (turn + i + 1) % streams.length;
        return stream;
      }
    }
    return undefined;
  };
  let stopped: unknown;
  const worker = async () => {
    for (let stream = nextStream(); stream; stream = nextStream()) {
      if (stopped !== undefined || progress.done >= so.maxQuestions) return;
      busy.add(stream);
      const page = stream.page;
      try {
        const wrapper = await fetchQuestionPage(client, stream.query, page);
        stream.more = wrapper.has_more;
        await processPage(wrapper.items, seen);
      } catch (error) {
        try {
          giveUp(`page ${page} of [${stream.query.tag}]`, error);
        } catch (fatal) {
          stopped ??= fatal;
          return;
        }
      } finally {
        busy.delete(stream);
      }
      stream.page = page + 1;
      checkpoint();
    }
  };
  try {
    ticker.final();
    const concurrency = Math.min(ctx.settings.pipeline.stackoverflowConcurrency, streams.length);
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (stopped !== undefined) throw stopped;
    await fetchPendingAnswers(true);
    writer.flush();
    return finish('completed');
  } catch (error) {
    writer.flush();
    if (ctx.signal.aborted) return finish('cancelled', 'cancelled');
    if (error instanceof SeStop) {
      ctx.log.warn('Stack Exchange collector stopped', { reason: error.message });
      if (error.outcome === 'failed')
        ctx.emit({ type: 'error', source: SOURCE, message: error.message, fatal: true });
      return finish(error.outcome, error.message);
    }
    ctx.emit({ type: 'error', source: SOURCE, message: (error as Error).message, fatal: true });
    return finish('failed', (error as Error).message);
  }
}
