import crypto from 'node:crypto';
import type { SourceProgress } from '../../../shared/collectorEvents.ts';

export type Resource = 'core' | 'search';
type Bucket = { limit: number; remaining: number; resetMs: number };

/** Why requests are held, and until when. */
export type Block = { until: number; reason: string };

/** What an answer says about the limits: its status, headers and (for 403/429) its message. */
export type Answer = { status: number; headers: Headers; message?: string };

/** Margin after a reset before trusting that the window has rolled over. */
export const RESET_MARGIN_MS = 250;
/** GitHub: without retry-after, wait at least a minute after a secondary limit. */
export const SECONDARY_FALLBACK_MS = 60_000;
/** Secondary waits double on each limit met in a row, never beyond this. */
const MAX_SECONDARY_WAIT_MS = 15 * 60_000;
const SECONDARY_MESSAGE = /secondary rate limit|abuse detection/i;

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
    if (authoritative || !b || bucket.resetMs > b.resetMs) buckets.set(resource, bucket);
    else if (bucket.resetMs === b.resetMs) b.remaining = Math.min(b.remaining, bucket.remaining);
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
      if (b && t >= b.resetMs + RESET_MARGIN_MS && b.remaining <= reserve) {
        // The next answer brings the real figures.
        b.remaining = b.limit;
        b.resetMs = t + 1000;
      }
      const spent = b && b.remaining <= (resource === 'search' ? 0 : reserve);
      const quota: Block | undefined = spent
        ? {
            until: b.resetMs + RESET_MARGIN_MS,
            reason:
              b.remaining <= 0
                ? `GitHub ${resource} quota spent`
                : `GitHub core quota nearly spent (keeping ${reserve} in reserve)`,
          }
        : undefined;
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
    observe(
      answer: Answer,
      requested: Resource,
      sentAt: number,
      secondaryFallbackMs = SECONDARY_FALLBACK_MS,
    ) {
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
      if (!limit || Number.isNaN(left) || !reset || (resource !== 'core' && resource !== 'search')) return;
      // A 403/429 saying 0 left is the final word on this window, whatever was heard before.
      setBucket(resource, { limit, remaining: left, resetMs: reset * 1000 }, limited && left === 0);
    },

    /** The figures of GET /rate_limit, which answers for both buckets at once. */
    rateLimits(resources: Partial<Record<Resource, { limit: number; remaining: number; reset: number }>>) {
      for (const name of ['core', 'search'] as const) {
        const r = resources[name];
        if (r) setBucket(name, { limit: r.limit, remaining: r.remaining, resetMs: r.reset * 1000 }, true);
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
