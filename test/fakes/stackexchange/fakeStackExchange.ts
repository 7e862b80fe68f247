import { gzipSync } from 'node:zlib';
import {
  startHttpFake,
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
  type Route,
} from '../httpServer.ts';
import {
  generateSite,
  type FakeAnswer,
  type FakeQuestion,
  type GeneratedSite,
  type GeneratedSiteOptions,
} from './generatedSite.ts';
import { errorName, takeFault, type SeFault } from './seFaults.ts';

export type FakeStackExchangeOptions = {
  /** Keys the fake accepts. A request without a key is allowed, with the keyless quota. */
  keys?: string[];
  sites?: string[];
  quotaWithKey?: number;
  quotaWithoutKey?: number;
  /** Leave out Content-Encoding while still gzipping, as the API sometimes does. */
  omitContentEncoding?: boolean;
  /** The questions and answers served on every site. */
  site?: GeneratedSiteOptions;
  /** Put `"backoff": seconds` on every `every`-th response of each method, like a busy API. */
  backoff?: { seconds: number; every: number };
  /** More requests than this within any rolling second are an IP throttle violation. */
  maxRequestsPerSecond?: number;
  /** Delay before every answer, to make runs long enough to pause or kill. */
  latencyMs?: number;
};

export type FakeStackExchange = FakeServer & {
  quotaRemaining: number;
  site: GeneratedSite;
  faults: SeFault[];
  /** Requests that broke a `backoff` or the per-second cap; a well-behaved client keeps this at 0. */
  readonly throttleViolations: number;
  readonly backoffViolations: number;
  readonly rateViolations: number;
  /** Every request URL, in arrival order. */
  log: URL[];
};

/**
 * Filters the fake knows, like the API's filter registry. "withbody" and "default" are built in;
 * the custom id embeds answers with their bodies in /questions (api.stackexchange.com/docs/filters).
 */
const FILTERS: Record<string, { body: boolean; answers: boolean }> = {
  default: { body: false, answers: false },
  withbody: { body: true, answers: false },
  '!-y(KwOdKR5Ga7mmruVArx2SJykc-M)3jKiDQBk1fq': { body: true, answers: true },
};

/** Every Stack Exchange error is HTTP 400 with error_id/error_name/error_message (recorded shape). */
export function seError(errorId: number, errorName: string, errorMessage: string): FakeResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify({ error_id: errorId, error_message: errorMessage, error_name: errorName })),
  };
}

function secondsToUtcMidnight(now = Date.now()): number {
  const d = new Date(now);
  return Math.ceil((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now) / 1000);
}

/** A copy of `url` with one query parameter changed. */
function withParam(url: URL, name: string, value: string): URL {
  const copy = new URL(url);
  copy.searchParams.set(name, value);
  return copy;
}

/** "semicolon;separated" ids or tags. */
const list = (v: string | null) => (v ? v.split(';').filter(Boolean) : []);

type Page = { items: unknown[]; has_more: boolean } | FakeResponse;

/** sort / order / min / max / fromdate / todate / page / pagesize, as the API applies them. */
function paginate<T extends { score: number; creation_date: number; last_activity_date: number }>(
  all: T[],
  url: URL,
  project: (item: T) => unknown,
): Page {
  const q = url.searchParams;
  const pagesize = Number(q.get('pagesize') ?? 30);
  const page = Number(q.get('page') ?? 1);
  if (!Number.isInteger(pagesize) || pagesize < 0 || pagesize > 100)
    return seError(400, 'bad_parameter', 'pagesize');
  if (!Number.isInteger(page) || page < 1) return seError(400, 'bad_parameter', 'page');
  const sort = q.get('sort') ?? 'activity';
  const field = { votes: 'score', creation: 'creation_date', activity: 'last_activity_date' }[sort] as
    'score' | 'creation_date' | 'last_activity_date' | undefined;
  if (!field) return seError(400, 'bad_parameter', 'sort');
  const min = q.has('min') ? Number(q.get('min')) : -Infinity;
  const max = q.has('max') ? Number(q.get('max')) : Infinity;
  const from = q.has('fromdate') ? Number(q.get('fromdate')) : -Infinity;
  const to = q.has('todate') ? Number(q.get('todate')) : Infinity;
  const sign = q.get('order') === 'asc' ? 1 : -1;
  const matching = all
    .filter((x) => x[field] >= min && x[field] <= max && x.creation_date >= from && x.creation_date <= to)
    .sort((a, b) => sign * (a[field] - b[field]));
  const slice = matching.slice((page - 1) * pagesize, page * pagesize);
  return { items: slice.map(project), has_more: page * pagesize < matching.length };
}

function projectAnswer(a: FakeAnswer, withBody: boolean): Record<string, unknown> {
  const { body, ...rest } = a;
  return withBody ? { ...rest, body } : rest;
}

function projectQuestion(
  q: FakeQuestion,
  filter: { body: boolean; answers: boolean },
): Record<string, unknown> {
  const { body, answers, ...rest } = q;
  return {
    ...rest,
    ...(filter.body ? { body } : {}),
    ...(filter.answers && answers.length > 0 ? { answers: answers.map((a) => projectAnswer(a, true)) } : {}),
  };
}

/** A fake api.stackexchange.com/2.3 on loopback, shaped on shared/api-recordings/stackexchange. */
export async function startFakeStackExchange(
  options: FakeStackExchangeOptions = {},
): Promise<FakeStackExchange> {
  const keys = new Set(options.keys ?? ['fake-se-key-0001']);
  const sites = new Set(options.sites ?? ['stackoverflow', 'superuser', 'cardano']);
  const quotaMax = { key: options.quotaWithKey ?? 10_000, none: options.quotaWithoutKey ?? 300 };
  const maxPerSecond = options.maxRequestsPerSecond ?? 30;
  const site = generateSite(options.site);
  const faults: SeFault[] = [];
  const log: URL[] = [];
  const arrivals: number[] = [];
  const backoffUntil = new Map<string, number>();
  const responsesByMethod = new Map<string, number>();
  let quotaRemaining = quotaMax.key;
  let backoffViolations = 0;
  let rateViolations = 0;

  function wrap(
    method: string,
    url: URL,
    page: { items: unknown[]; has_more: boolean },
    backoff?: number,
  ): FakeResponse {
    const count = (responsesByMethod.get(method) ?? 0) + 1;
    responsesByMethod.set(method, count);
    const every = options.backoff;
    const seconds = backoff ?? (every && count % every.every === 0 ? every.seconds : undefined);
    if (seconds !== undefined) backoffUntil.set(method, Date.now() + seconds * 1000);
    const body = {
      ...page,
      quota_max: url.searchParams.has('key') ? quotaMax.key : quotaMax.none,
      quota_remaining: quotaRemaining,
      ...(seconds !== undefined ? { backoff: seconds } : {}),
    };
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (!options.omitContentEncoding) headers['content-encoding'] = 'gzip';
    return { status: 200, headers, body: gzipSync(JSON.stringify(body)) };
  }

  /** The IP cap and the per-method backoff, checked on arrival like the real front end. */
  function throttled(method: string): FakeResponse | undefined {
    const now = Date.now();
    arrivals.push(now);
    while (arrivals.length > 0 && arrivals[0] <= now - 1000) arrivals.shift();
    if (arrivals.length > maxPerSecond) {
      rateViolations++;
      return seError(
        502,
        'throttle_violation',
        'too many requests from this IP, more requests available in 1 seconds',
      );
    }
    if (now < (backoffUntil.get(method) ?? 0)) {
      backoffViolations++;
      return seError(502, 'throttle_violation', 'Violation of backoff parameter');
    }
    return undefined;
  }

  /** Checks the key, the site and the quota; answers the API's error when one fails. */
  function admit(url: URL): FakeResponse | undefined {
    const key = url.searchParams.get('key');
    if (key !== null && !keys.has(key)) return seError(400, 'bad_parameter', 'key');
    const siteName = url.searchParams.get('site');
    if (!siteName) return seError(400, 'bad_parameter', 'site is required');
    if (!sites.has(siteName)) return seError(400, 'bad_parameter', 'site');
    // Like the recorded IP throttle: the wait runs to the daily reset at UTC midnight.
    if (quotaRemaining <= 0)
      return seError(
        502,
        'throttle_violation',
        `too many requests from this IP, more requests available in ${secondsToUtcMidnight()} seconds`,
      );
    quotaRemaining--;
    return undefined;
  }

  /** Runs throttle checks, scripted faults and admission, then the method's own handler. */
  function endpoint(
    method: string,
    handle: (req: FakeRequest, filter: { body: boolean; answers: boolean }) => Page,
  ): Route['handle'] {
    return async (req, res) => {
      log.push(req.url);
      const refused = throttled(method);
      if (refused) return refused;
      const fault = takeFault(faults, method);
      if (fault?.kind === 'error')
        return seError(
          fault.errorId,
          fault.name ?? errorName(fault.errorId),
          fault.message ?? errorName(fault.errorId),
        );
      if (fault?.kind === 'malformed')
        return {
          status: 200,
          headers: { 'content-encoding': 'gzip' },
          body: gzipSync('{"items":[{"question_id": 1,'),
        };
      if (fault?.kind === 'http')
        return {
          status: fault.status,
          headers: { 'content-type': 'text/html' },
          body: `<html><body><h1>${fault.status}</h1></body></html>`,
        };
      if (fault?.kind === 'reset') {
        res.socket?.destroy();
        return undefined;
      }
      // No answer at all; close() ends the connection.
      if (fault?.kind === 'hang') return undefined;
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
      const notAdmitted = admit(req.url);
      if (notAdmitted) return notAdmitted;
      const filterName = req.url.searchParams.get('filter') ?? 'default';
      const filter = FILTERS[filterName];
      if (!filter) return seError(400, 'bad_parameter', 'filter');
      if (fault?.kind === 'emptyHasMore') return wrap(method, req.url, { items: [], has_more: true });
      const asked = fault?.kind === 'repeatPage' ? withParam(req.url, 'page', String(fault.page)) : req.url;
      const page = handle({ ...req, url: asked }, filter);
      if ('status' in page) return page;
      if (fault?.kind === 'repeatPage') page.has_more = true;
      return wrap(method, req.url, page, fault?.kind === 'backoff' ? fault.seconds : undefined);
    };
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/2.3/info',
      endpoint: 'info',
      handle: endpoint('info', () => ({
        items: [
          {
            total_questions: site.questions.length,
            total_answers: site.answerCount,
            api_revision: '2026.11.1.fake',
          },
        ],
        has_more: false,
      })),
    },
    {
      method: 'GET',
      pattern: '/2.3/questions',
      endpoint: 'questions',
      handle: endpoint('questions', ({ url }, filter) => {
        const tagged = list(url.searchParams.get('tagged'));
        if (tagged.length > 5) return seError(400, 'bad_parameter', 'tagged');
        // tagged=a;b means questions carrying every one of the tags.
        const matching = site.questions.filter((q) => tagged.every((t) => q.tags.includes(t)));
        return paginate(matching, url, (q) => projectQuestion(q, filter));
      }),
    },
    {
      method: 'GET',
      pattern: '/2.3/questions/:ids/answers',
      endpoint: 'answers',
      handle: endpoint('answers', ({ url, params }, filter) => {
        const ids = list(params.ids).map(Number);
        if (ids.length === 0 || ids.length > 100 || ids.some((id) => !Number.isInteger(id)))
          return seError(400, 'bad_parameter', 'ids');
        const answers = ids.flatMap((id) => site.byId.get(id)?.answers ?? []);
        return paginate(answers, url, (a) => projectAnswer(a, filter.body));
      }),
    },
  ];

  const server = await startHttpFake(() => routes, {
    latencyMs: options.latencyMs ? () => options.latencyMs! : undefined,
  });
  return {
    ...server,
    url: `${server.url}/2.3`,
    site,
    faults,
    log,
    get quotaRemaining() {
      return quotaRemaining;
    },
    set quotaRemaining(v: number) {
      quotaRemaining = v;
    },
    get throttleViolations() {
      return backoffViolations + rateViolations;
    },
    get backoffViolations() {
      return backoffViolations;
    },
    get rateViolations() {
      return rateViolations;
    },
  };
}
