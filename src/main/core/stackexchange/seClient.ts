import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import {
  availableInMs,
  isKeyError,
  nextUtcMidnight,
  QUOTA_WAIT_MS,
  readSeBody,
  StackExchangeError,
  type SeWrapper,
} from './seResponse.ts';

export type SeClientLimits = {
  /** Added to every `backoff`: waiting exactly `backoff` still gets throttled in practice. */
  backoffMarginMs: number;
  /** The API drops an IP that sends more than 30 requests in a second. */
  maxRequestsPerSecond: number;
  /** Wait after a throttle_violation that does not say how long. */
  throttleWaitMs: number;
  /** A throttle longer than this is the daily quota (the API says "available in ~86,400 seconds"). */
  maxThrottleWaitMs: number;
  /** Attempts after the first, for 500/503, 5xx, network errors and malformed bodies. */
  retries: number;
  /** First retry delay; doubles each attempt, with jitter. */
  retryBaseMs: number;
  timeoutMs: number;
};

export const DEFAULT_SE_LIMITS: SeClientLimits = {
  backoffMarginMs: 1000,
  maxRequestsPerSecond: 30,
  throttleWaitMs: 30_000,
  maxThrottleWaitMs: QUOTA_WAIT_MS,
  retries: 4,
  retryBaseMs: 1000,
  timeoutMs: 60_000,
};

export type SeClientOptions = {
  baseUrl: string;
  site: string;
  key?: string;
  signal: AbortSignal;
  limits?: Partial<SeClientLimits>;
  fetch?: typeof fetch;
  random?: () => number;
  /** Announced before every wait starts. */
  onWait?: (reason: string, until: Date) => void;
  /** A failed attempt; `willRetry` false means the request is given up. */
  onError?: (error: Error, willRetry: boolean) => void;
  /** Every successful answer, for the quota display. */
  onResponse?: (wrapper: SeWrapper<unknown>) => void;
};

/**
 * Why the collector must stop: the quota is spent (`resumeAt` says when it is back; the source can
 * continue then) or the request cannot succeed (a rejected key, a refused parameter).
 */
export class SeStop extends Error {
  readonly resumeAt?: Date;
  constructor(reason: string, resumeAt?: Date) {
    super(reason);
    this.name = 'SeStop';
    this.resumeAt = resumeAt;
  }
}

export type SeParams = Record<string, string | number | undefined>;

export type SeClient = {
  /** GET `path` under the base URL; `method` names the API method whose `backoff` applies. */
  get<T>(method: string, path: string, params?: SeParams): Promise<SeWrapper<T>>;
  readonly requests: number;
  readonly requestsByMethod: ReadonlyMap<string, number>;
};

/** The limit that stops the source for the day (api.stackexchange.com/docs/throttle). */
export const DAILY_QUOTA = 'daily quota';
const QUOTA_SPENT = `${DAILY_QUOTA} spent`;

type Verdict = { action: 'retry'; waitMs: number; reason: string } | { action: 'stop'; stop: SeStop };

/**
 * The per-second cap is per IP, so every client in the process with the same cap shares one queue. The
 * window is a little longer than a second because requests can arrive closer together than they left.
 */
const rateQueues = new Map<number, PQueue>();
function rateQueue(perSecond: number): PQueue {
  let queue = rateQueues.get(perSecond);
  if (!queue) {
    queue = new PQueue({ intervalCap: perSecond, interval: 1100, strict: true });
    rateQueues.set(perSecond, queue);
  }
  return queue;
}

/** Stack Exchange API client: per-method backoff, a requests-per-second cap, error_id handling, retries. */
export function createSeClient(options: SeClientOptions): SeClient {
  const limits = { ...DEFAULT_SE_LIMITS, ...options.limits };
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const { signal } = options;
  const queue = rateQueue(limits.maxRequestsPerSecond);
  const nextAllowed = new Map<string, number>();
  const requestsByMethod = new Map<string, number>();
  let requests = 0;
  let quotaSpent = false;

  async function wait(ms: number, reason: string): Promise<void> {
    if (ms <= 0) return;
    options.onWait?.(reason, new Date(Date.now() + ms));
    await delay(ms, undefined, { signal });
  }

  function retryDelay(attempt: number): number {
    const base = limits.retryBaseMs * 2 ** attempt;
    return Math.round(base / 2 + random() * base);
  }

  /** What to do about a failed attempt (api.stackexchange.com/docs/error-handling). */
  function judge(error: unknown, method: string, attempt: number): Verdict {
    if (error instanceof StackExchangeError) {
      const { errorId, errorName, message } = error;
      const detail = `${errorName}: ${message}`;
      if (errorId === 502) {
        const ms = availableInMs(message);
        if (ms !== undefined && ms > limits.maxThrottleWaitMs)
          return {
            action: 'stop',
            stop: new SeStop(`${QUOTA_SPENT} (Stack Exchange: ${message})`, new Date(Date.now() + ms)),
          };
        return {
          action: 'retry',
          waitMs: (ms ?? limits.throttleWaitMs) + limits.backoffMarginMs,
          reason: `Stack Exchange throttled /${method} (${message})`,
        };
      }
      if (isKeyError(error))
        return { action: 'stop', stop: new SeStop(`Stack Exchange key rejected (${detail})`) };
      const transient =
        errorId === 500 ||
        errorId === 503 ||
        errorName === 'malformed_response' ||
        (errorId === 0 && (error.httpStatus >= 500 || error.httpStatus === 429));
      if (!transient)
        return {
          action: 'stop',
          stop: new SeStop(`Stack Exchange refused the request (${detail})`),
        };
    }
    return {
      action: 'retry',
      waitMs: retryDelay(attempt),
      reason: `retrying /${method} after ${(error as Error).message}`,
    };
  }

  async function attempt<T>(method: string, url: URL): Promise<SeWrapper<T>> {
    const timeout = AbortSignal.timeout(limits.timeoutMs);
    const response = await queue.add(
      () => {
        requests++;
        requestsByMethod.set(method, (requestsByMethod.get(method) ?? 0) + 1);
        return doFetch(url, {
          headers: { 'accept-encoding': 'gzip' },
          signal: AbortSignal.any([signal, timeout]),
        });
      },
      { signal },
    );
    const wrapper = (await readSeBody(response)) as SeWrapper<T>;
    if (!Array.isArray(wrapper.items))
      throw new StackExchangeError(0, 'malformed_response', 'the answer has no items', response.status);
    if (wrapper.backoff)
      nextAllowed.set(method, Date.now() + wrapper.backoff * 1000 + limits.backoffMarginMs);
    if (wrapper.quota_remaining <= 0) quotaSpent = true;
    options.onResponse?.(wrapper as SeWrapper<unknown>);
    return wrapper;
  }

  async function get<T>(method: string, path: string, params: SeParams = {}): Promise<SeWrapper<T>> {
    const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/${path}`);
    url.searchParams.set('site', options.site);
    if (options.key) url.searchParams.set('key', options.key);
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(name, String(value));
    for (let tries = 0; ; tries++) {
      if (quotaSpent) throw new SeStop(QUOTA_SPENT, new Date(nextUtcMidnight(new Date())));
      const until = nextAllowed.get(method) ?? 0;
      await wait(until - Date.now(), `Stack Exchange asked to back off /${method}`);
      signal.throwIfAborted();
      try {
        return await attempt<T>(method, url);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        const verdict = judge(error, method, tries);
        if (verdict.action === 'stop') throw verdict.stop;
        const throttled = error instanceof StackExchangeError && error.errorId === 502;
        const willRetry = tries < limits.retries;
        if (!throttled) options.onError?.(error as Error, willRetry);
        if (!willRetry) throw error;
        if (throttled) nextAllowed.set(method, Date.now() + verdict.waitMs);
        await wait(verdict.waitMs, verdict.reason);
      }
    }
  }

  return {
    get,
    get requests() {
      return requests;
    },
    requestsByMethod,
  };
}
