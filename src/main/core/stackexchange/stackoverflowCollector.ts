import type { SourceProgress } from '../../../shared/collectorEvents.ts';
import { limitStopReason } from '../../../shared/runOutcome.ts';
import type { CollectorContext, CollectorResult } from '../collectors/collector.ts';
import { createCollectorRun } from '../collectors/collectorRun.ts';
import { buildQaItems, selectAnswers } from './qaItems.ts';
import { createSeClient, DAILY_QUOTA, SeStop, type SeClientLimits } from './seClient.ts';
import { FILTER_WITH_ANSWERS, FILTER_WITH_BODY } from './seFilters.ts';
import { nextUtcMidnight } from './seResponse.ts';
import { fetchAnswers, fetchQuestionPage, MAX_IDS, type QuestionQuery } from './seQueries.ts';
import { parseAnswer, parseQuestion, type SeAnswer, type SeQuestion } from './seTypes.ts';

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

/**
 * Where one tag's questions are: the next page, whether there is one, whether the tag had none, and how
 * many pages in a row gave no question not seen before.
 */
type StreamPosition = { page: number; more: boolean; empty?: boolean; fruitless?: number };

/**
 * Pages in a row without a new question that end a tag's stream, whatever `has_more` says: the API may
 * repeat a page (a naive replay serves one page for every number), and pages of questions another tag
 * already gave are worth a few requests, not the daily quota. An empty page ends it at once.
 */
const MAX_FRUITLESS_PAGES = 3;

/** What a resumed run needs: each tag's page to read next and the questions already dealt with. */
type StackOverflowPosition = { streams: StreamPosition[]; seen: number[] };

type Stream = StreamPosition & {
  query: QuestionQuery;
  /** Pages fetched with questions not yet dealt with (waiting for their answers): page → how many. */
  open: Map<number, number>;
};

/** A question read from a page, with where it came from. */
type Candidate = { question: SeQuestion; stream: Stream; page: number };

const n = (x: number) => x.toLocaleString('en-US');
const tagList = (streams: Stream[]) => streams.map((s) => `[${s.query.tag}]`).join(', ');

/** In words, when the figures would mislead: tags with no question, fewer questions than asked. */
function shortfall(streams: Stream[], done: number, max: number): string | undefined {
  if (done >= max) return undefined;
  const empty = streams.filter((s) => s.empty);
  if (done === 0 && empty.length === streams.length)
    return `no questions match the tag${empty.length > 1 ? 's' : ''} ${tagList(empty)}`;
  return [
    empty.length > 0 && `no questions match ${tagList(empty)}`,
    `no more questions matched: ${n(done)} of ${n(max)}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * Collects Stack Overflow Q&A pairs into the store. Tags are "any of": one query per tag (the API's
 * `tagged=a;b` means all of them), taken in turns page by page and deduplicated by question id.
 * `done` counts questions that gave at least one item; the run stops at maxQuestions.
 * Skips count answers not kept (low_score_answer, not_accepted, answer_limit, no_body), questions left
 * out as a whole (no_answers, no_body, fetch_failed, unconvertible) and posts the API served without a
 * field an item needs, by that field (no_title, bad_link, bad_answer_id). With the vectorized strategy
 * the API already drops answers under the minimum, so such a question counts once as low_score_answer.
 * A request given up after its retries counts an error and skips its part; the source fails at
 * maxErrorsPerSource. A spent daily quota stops the source until 00:00 UTC, a lost connection until it is
 * back; `--resume` continues, with the page in hand read again.
 */
export async function collectStackOverflow(
  ctx: CollectorContext,
  options: StackOverflowOptions = {},
): Promise<CollectorResult> {
  const so = ctx.settings.stackoverflow;
  const strategy = options.answerStrategy ?? 'embedded';
  let quota: SourceProgress['quota'];
  const run = createCollectorRun<StackOverflowPosition>(ctx, {
    source: SOURCE,
    unit: 'questions',
    total: so.maxQuestions,
    progressIntervalMs: options.progressIntervalMs,
    figures: () => ({ requests: client.requests, quota }),
  });
  const { progress } = run;
  const client = createSeClient({
    baseUrl: so.baseUrl,
    site: so.site,
    key: so.apiKey || undefined,
    signal: run.signal,
    fetch: ctx.fetch,
    limits: options.limits,
    onWait: (reason, until) => ctx.emit({ type: 'wait', source: SOURCE, reason, until: until.toISOString() }),
    onError: (error, willRetry) =>
      ctx.log.warn('Stack Exchange request failed', { message: error.message, willRetry }),
    onResponse: (wrapper) => {
      const resetAt = nextUtcMidnight(new Date());
      quota = [{ name: 'daily', remaining: wrapper.quota_remaining, max: wrapper.quota_max, resetAt }];
      run.tick();
    },
  });

  const streams: Stream[] = so.tags.map((tag, i) => ({
    query: {
      tag,
      minScore: so.minQuestionScore,
      filter: strategy === 'embedded' ? FILTER_WITH_ANSWERS : FILTER_WITH_BODY,
      fromDate: options.fromDate,
      toDate: options.toDate,
    },
    page: 1,
    more: true,
    ...run.resumed?.streams[i],
    open: new Map(),
  }));
  const seen = new Set<number>(run.resumed?.seen);
  const full = () => progress.done >= so.maxQuestions;

  /** A question is dealt with: its items and skips are in the batch, and a resumed run passes it by. */
  const settle = (candidate: Candidate) => {
    const { stream, page } = candidate;
    seen.add(candidate.question.question_id);
    const left = (stream.open.get(page) ?? 1) - 1;
    if (left > 0) stream.open.set(page, left);
    else stream.open.delete(page);
  };

  /** Turns one question (with its answers found) into items, or into skips saying why not. */
  const keep = ({ question }: Candidate, rawAnswers: readonly unknown[]) => {
    const subject = `question ${question.question_id}`;
    const answers: SeAnswer[] = [];
    for (const raw of rawAnswers) {
      const parsed = parseAnswer(raw);
      if (parsed.ok)
        answers.push({
          ...parsed.value,
          is_accepted: parsed.value.is_accepted || question.accepted_answer_id === parsed.value.answer_id,
        });
      else
        run.skip(
          parsed.id === undefined ? `an answer of ${subject}` : `answer ${parsed.id} of ${subject}`,
          parsed.reason,
          parsed.detail,
        );
    }
    const { kept, skipped } = selectAnswers(answers, so);
    for (const s of skipped)
      run.skip(`answer ${s.answer.answer_id} of ${subject}`, s.reason, `score ${s.answer.score}`);
    if (answers.length === 0)
      run.skip(subject, strategy === 'vectorized' ? 'low_score_answer' : 'no_answers');
    try {
      const items = buildQaItems(so.site, question, kept);
      if (items.length > 0) progress.done++;
      return items;
    } catch (error) {
      run.skip(subject, 'unconvertible', (error as Error).message);
      return [];
    }
  };

  /** Keeps questions in order until maxQuestions; each settled before its items go into the batch. */
  const keepAll = (candidates: readonly Candidate[], answersOf: (q: SeQuestion) => readonly unknown[]) => {
    for (const candidate of candidates) {
      if (full()) return;
      const items = keep(candidate, answersOf(candidate.question));
      settle(candidate);
      run.store(items);
    }
  };

  /**
   * A request given up after its retries: an error, and its part skipped. Stop reasons end the source, and
   * so does a lost connection, whose part is not skipped: a resumed run asks for it again.
   */
  const giveUp = (what: string, error: unknown, skipped: () => void) => {
    if (run.signal.aborted) return;
    if (error instanceof SeStop) {
      if (error.resumeAt)
        run.stop(limitStopReason(DAILY_QUOTA, error.resumeAt.toISOString()), error.resumeAt.toISOString());
      else run.fail(error.message);
      return;
    }
    if (run.stopIfConnectionLost(error)) return;
    skipped();
    run.countError(`Stack Exchange: gave up on ${what}: ${(error as Error).message}`);
  };

  /**
   * Vectorized answers: candidates wait here until they fill a vector of 100 ids, so answer pages come back
   * as full as the data allows (a few spare ids cost nothing, a half-empty vector costs a request).
   */
  const pending: Candidate[] = [];
  const fetchPendingAnswers = async (all: boolean) => {
    while (!full() && !run.signal.aborted) {
      if (pending.length === 0 || (!all && pending.length < MAX_IDS)) return;
      const chunk = pending.splice(0, MAX_IDS);
      progress.phase = 'fetching answers';
      try {
        const ids = chunk.map((c) => c.question.question_id);
        const { byQuestion, strays } = await fetchAnswers(client, ids, so.minAnswerScore);
        for (const _ of strays)
          run.skip(`an answer of questions ${ids[0]}…${ids.at(-1)}`, 'no_question_id', 'no question_id');
        keepAll(chunk, (q) => byQuestion.get(q.question_id) ?? []);
      } catch (error) {
        giveUp(`answers of ${chunk.length} questions`, error, () => {
          for (const c of chunk) {
            run.skip(`question ${c.question.question_id}`, 'fetch_failed', (error as Error).message);
            settle(c);
          }
        });
      }
      progress.phase = 'searching';
    }
  };

  /** Deals with one page's questions; answers how many of them were not seen before. */
  const processPage = async (stream: Stream, page: number, raw: readonly unknown[]) => {
    const candidates: Candidate[] = [];
    let fresh = 0;
    for (const [index, item] of raw.entries()) {
      const parsed = parseQuestion(item);
      if (!parsed.ok) {
        if (parsed.id !== undefined && seen.has(parsed.id)) continue;
        if (parsed.id !== undefined) {
          seen.add(parsed.id);
          fresh++;
        }
        const subject =
          parsed.id === undefined
            ? `question ${index + 1} of page ${page} of [${stream.query.tag}]`
            : `question ${parsed.id}`;
        run.skip(subject, parsed.reason, parsed.detail);
        continue;
      }
      if (seen.has(parsed.value.question_id)) continue;
      fresh++;
      candidates.push({ question: parsed.value, stream, page });
    }
    if (candidates.length > 0) stream.open.set(page, candidates.length);
    const answered: Candidate[] = [];
    for (const c of candidates) {
      const subject = `question ${c.question.question_id}`;
      if (c.question.answer_count === 0) run.skip(subject, 'no_answers');
      else if (!c.question.body?.trim()) run.skip(subject, 'no_body');
      else {
        answered.push(c);
        continue;
      }
      settle(c);
    }
    if (strategy === 'embedded') keepAll(answered, (q) => q.answers ?? []);
    else {
      pending.push(...answered);
      await fetchPendingAnswers(false);
    }
    return fresh;
  };

  /** A page that gave nothing new counts towards the end of its stream; an empty one ends it. */
  const judgeYield = (stream: Stream, page: number, items: number, fresh: number) => {
    stream.fruitless = fresh > 0 ? 0 : (stream.fruitless ?? 0) + 1;
    if (!stream.more || (items > 0 && stream.fruitless < MAX_FRUITLESS_PAGES)) return;
    stream.more = false;
    ctx.log.info('Stack Exchange pages give no new questions; this tag ends here', {
      tag: stream.query.tag,
      page,
      items,
    });
  };

  /** A tag's page to read next on resume: the first with questions not dealt with, else the next one. */
  const position = (): StackOverflowPosition => ({
    streams: streams.map(({ page, more, empty, fruitless, open }) => {
      const first = Math.min(...open.keys());
      return Number.isFinite(first) ? { page: first, more: true, empty } : { page, more, empty, fruitless };
    }),
    seen: [...seen],
  });

  // Each worker takes the next tag in turn, one page at a time: tags share maxQuestions fairly.
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
  const worker = async () => {
    for (let stream = nextStream(); stream; stream = nextStream()) {
      if (run.signal.aborted || full()) return;
      busy.add(stream);
      const page = stream.page;
      try {
        const wrapper = await fetchQuestionPage(client, stream.query, page);
        stream.page = page + 1;
        stream.more = wrapper.has_more;
        if (page === 1 && wrapper.items.length === 0) stream.empty = true;
        const fresh = await processPage(stream, page, wrapper.items);
        judgeYield(stream, page, wrapper.items.length, fresh);
      } catch (error) {
        giveUp(`page ${page} of [${stream.query.tag}]`, error, () => {
          stream.page = page + 1;
          run.skip(`page ${page} of [${stream.query.tag}]`, 'fetch_failed', (error as Error).message);
        });
      } finally {
        busy.delete(stream);
      }
      run.commit();
    }
  };

  return run.execute(position, async () => {
    progress.phase = 'searching';
    const concurrency = Math.min(ctx.settings.pipeline.stackoverflowConcurrency, streams.length);
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (!run.signal.aborted) await fetchPendingAnswers(true);
    return shortfall(streams, progress.done, so.maxQuestions);
  });
}
