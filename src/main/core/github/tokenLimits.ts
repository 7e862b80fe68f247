import crypto from 'node:crypto';
import { RequestError } from '@octokit/request-error';
import type { SourceProgress } from '../../../shared/collectorEvents.ts';

export type Resource = 'core' | 'search';
/**
 * `resetMs` on our clock; `window`: the reset as GitHub reported it (epoch s), which names the window;
 * `probing`: a window assumed to have rolled over, whose figures the next answer brings.
 */
type Bucket = { limit: number; remaining: number; resetMs: number; window: number; probing?: boolean };

/** Why requests are held, and until when; `quiet`: too short and too ordinary to report as a wait. */
export type Block = { until: number; reason: string; quiet?: boolean };

/** What an answer says about the limits: its status, headers and (for 403/429) its message. */
export type Answer = { status: number; headers: Headers; message?: string };

/** Margin after a reset before trusting that the window has rolled over. */
export const RESET_MARGIN_MS = 250;
/** GitHub: without retry-after, wait at least a minute after a secondary limit. */
export const SECONDARY_FALLBACK_MS = 60_000;
/** Clocks this close are taken to agree (the Date header has whole seconds, and the answer took a while). */
const SKEW_TOLERANCE_MS = 2000;
/** A spent quota whose reset is missing, or already past by GitHub's own clock: wait this long. */
export const PRIMARY_FALLBACK_MS = 60_000;

/** Waits for limits that come without a usable time. */
export type LimitFallbacks = { secondaryMs?: number; primaryMs?: number };
/** Secondary waits double on each limit met in a row, never beyond this. */
const MAX_SECONDARY_WAIT_MS = 15 * 60_000;
const SECONDARY_MESSAGE = /secondary rate limit|abuse detection/i;
const LIMIT_MESSAGE = /rate limit|abuse detection/i;

/**
 * Whether a failed request met a rate limit (a spent quota, a secondary limit) rather than a refusal of
 * what it asked for: a 429, or a 403 with 0 left or a limit's message.
 */
export function isRateLimitError(error: unknown): error is RequestError {
  if (!(error instanceof RequestError)) return false;
  if (error.status === 429) return true;
  const remaining = error.response?.headers['x-ratelimit-remaining'];
  return error.status === 403 && (remaining === '0' || LIMIT_MESSAGE.test(error.message));
}

/** The bucket a request that met a limit counts against. */
export const resourceOfError = (error: RequestError): Resource =>
  error.response?.headers['x-ratelimit-resource'] === 'search' || /\/search\//.test(error.request.url)
    ? 'search'
    : 'core';

/**
 * Core requests kept back: 2% of the limit, at most 50, and never fewer than the requests that may be
 * in flight (each was admitted before the answer that would have shown the limit).
 */
export function coreReserve(limit: number, concurrency: number): number {
  return Math.max(Math.min(50, Math.ceil(limit * 0.02)), concurrency + 1);
}

/** The bucket a request counts against: search endpoints have their own. */
export const resourceOfPath = (path: string): Resource => (path.startsWith('/search/') ? 'search' : 'core');

/**
 * What GitHub has said about one token's limits, from every answer of every client using it (the health
 * check's too): the core and search quotas (x-ratelimit-*), and a hold on every request after a secondary
 * limit (retry-after, or at least a minute, doubling while they repeat). A limit belongs to the token, not
 * to the request that met it.
 */
export function createTokenLimits(now: () => number = Date.now) {
  const buckets = new Map<Resource, Bucket>();
  let hold: Block | undefined;
  let holdSetAt = -Infinity;
  /** Secondary limits met in a row (no answer without one between). */
  let strikes = 0;

  function setBucket(resource: Resource, bucket: Bucket, authoritative: boolean): void {
    const b = buckets.get(resource);
    if (authoritative || !b || bucket.window > b.window) buckets.set(resource, bucket);
    else if (bucket.window === b.window) b.remaining = Math.min(b.remaining, bucket.remaining);
  }

  /**
   * A reset (epoch s, GitHub's clock) on our clock: by the Date header of the answer that gave it, when
   * there is one, so a clock ahead of or behind GitHub's neither sends too early nor waits too long.
   * (Date is whole seconds, rounded down: the wait it gives is never short.)
   */
  function ourResetMs(reset: number, date: string | null | undefined): number {
    const githubNow = Date.parse(date ?? '');
    const skew = githubNow - now();
    return Number.isNaN(skew) || Math.abs(skew) < SKEW_TOLERANCE_MS ? reset * 1000 : reset * 1000 - skew;
  }

  function holdFor(ms: number, reason: string): void {
    const until = now() + ms;
    if (!hold || until > hold.until) hold = { until, reason };
    holdSetAt = now();
  }

  return {
    /**
     * Until when a request for `resource` must wait; undefined when it may leave now. With `concurrency`
     * (a collector's workers) a reserve of core requests is kept back; without, only a spent quota holds.
     * A window whose reset has passed is trusted to have rolled over.
     */
    blocked(resource: Resource, concurrency?: number): Block | undefined {
      const t = now();
      if (hold && hold.until <= t) hold = undefined;
      const b = buckets.get(resource);
      const reserve = b && concurrency !== undefined ? coreReserve(b.limit, concurrency) : 0;
      const floor = resource === 'search' ? 0 : reserve;
      if (b && t >= b.resetMs + RESET_MARGIN_MS && b.remaining <= reserve) {
        // One request goes to learn the new window's figures (its answer replaces these, whatever they
        // say); the others wait a moment for them, so a quota GitHub still says is spent costs one
        // refusal, not one per worker.
        Object.assign(b, { remaining: floor + 1, resetMs: t + 1000, window: 0, probing: true });
      }
      const spent = b && b.remaining <= floor;
      const quota: Block | undefined = !spent
        ? undefined
        : b.probing
          ? { until: b.resetMs, reason: `GitHub ${resource} quota: the new window's figures`, quiet: true }
          : {
              until: b.resetMs + RESET_MARGIN_MS,
              reason:
                b.remaining <= 0
                  ? `GitHub ${resource} quota spent`
                  : `GitHub core quota nearly spent (keeping ${reserve} in reserve)`,
            };
      if (hold && (!quota || hold.until >= quota.until)) return hold;
      return quota;
    },

    /** A request is leaving: it counts against its bucket until the answer brings the figures. */
    spend(resource: Resource): void {
      const b = buckets.get(resource);
      if (b) b.remaining--;
    },

    /**
     * Learns from an answer. `sentAt`: when its request left; a secondary limit on a request sent before
     * the current hold began was already in flight and does not count as a new strike.
     */
    observe(answer: Answer, requested: Resource, sentAt: number, fallbacks: LimitFallbacks = {}) {
      const secondaryFallbackMs = fallbacks.secondaryMs ?? SECONDARY_FALLBACK_MS;
      const h = answer.headers;
      const limited = answer.status === 403 || answer.status === 429;
      const retryAfter = Number(h.get('retry-after'));
      const remaining = h.get('x-ratelimit-remaining');
      if (limited && retryAfter > 0) holdFor(retryAfter * 1000, 'GitHub secondary rate limit');
      else if (limited && remaining !== '0' && SECONDARY_MESSAGE.test(answer.message ?? '')) {
        if (sentAt >= holdSetAt) strikes++;
        const ms = Math.min(secondaryFallbackMs * 2 ** Math.max(0, strikes - 1), MAX_SECONDARY_WAIT_MS);
        holdFor(Math.max(ms, secondaryFallbackMs), 'GitHub secondary rate limit');
      } else if (answer.status < 400 && sentAt >= holdSetAt) strikes = 0;
      const limit = Number(h.get('x-ratelimit-limit'));
      const left = Number(remaining ?? NaN);
      const reset = Number(h.get('x-ratelimit-reset'));
      const resource = h.get('x-ratelimit-resource') ?? requested;
      if (resource !== 'core' && resource !== 'search') return;
      const resetMs = reset ? ourResetMs(reset, h.get('date')) : NaN;
      if (limited && left === 0) {
        // The final word on this window, whatever was heard before. A reset that is missing (the 2013
        // answer has none) or already past gives no time to wait for: wait the fallback, never at once.
        const fallback = now() + (fallbacks.primaryMs ?? PRIMARY_FALLBACK_MS);
        const until = resetMs > now() ? resetMs : fallback;
        const known = limit || buckets.get(resource)?.limit || 0;
        setBucket(
          resource,
          { limit: known, remaining: 0, resetMs: until, window: reset || until / 1000 },
          true,
        );
        return;
      }
      if (!limit || Number.isNaN(left) || !reset) return;
      setBucket(resource, { limit, remaining: left, resetMs, window: reset }, false);
    },

    /** The figures of GET /rate_limit, which answers for both buckets at once; `date`: its Date header. */
    rateLimits(
      resources: Partial<Record<Resource, { limit: number; remaining: number; reset: number }>>,
      date?: string,
    ) {
      for (const name of ['core', 'search'] as const) {
        const r = resources[name];
        if (!r) continue;
        const resetMs = ourResetMs(r.reset, date);
        setBucket(name, { limit: r.limit, remaining: r.remaining, resetMs, window: r.reset }, true);
      }
    },

    quota(): NonNullable<SourceProgress['quota']> {
      return (['core', 'search'] as const).flatMap((name) => {
        const b = buckets.get(name);
        return b
          ? [
              {
                name,
                remaining: Math.max(0, b.remaining),
                max: b.limit,
                resetAt: new Date(b.resetMs).toISOString(),
              },
            ]
          : [];
      });
    },
  };
}

export type TokenLimits = ReturnType<typeof createTokenLimits>;

const registry = new Map<string, TokenLimits>();

/**
 * The one limit state of a token on a GitHub host, shared by every client in the process: the health
 * check, the collector, a later run. Keyed by a hash, so the token itself is not kept here.
 */
export function tokenLimitsFor(baseUrl: string, token: string): TokenLimits {
  const key = crypto.createHash('sha256').update(`${baseUrl}\0${token}`).digest('hex');
  let limits = registry.get(key);
  if (!limits) registry.set(key, (limits = createTokenLimits()));
  return limits;
}
