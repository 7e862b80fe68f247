/** One GitHub rate-limit bucket ("core", "search"), counting down like the real one. */
export type RateLimitBucket = {
  resource: 'core' | 'search';
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
  windowSeconds: number;
};

export function createBucket(
  resource: RateLimitBucket['resource'],
  limit: number,
  windowSeconds: number,
  now = Date.now(),
): RateLimitBucket {
  return { resource, limit, remaining: limit, reset: Math.ceil(now / 1000) + windowSeconds, windowSeconds };
}

/** Starts a new window once the reset time has passed. */
export function refresh(bucket: RateLimitBucket, now = Date.now()): void {
  if (now / 1000 >= bucket.reset) {
    bucket.remaining = bucket.limit;
    bucket.reset = Math.ceil(now / 1000) + bucket.windowSeconds;
  }
}

export function rateLimitHeaders(bucket: RateLimitBucket): Record<string, string> {
  return {
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(bucket.remaining),
    'x-ratelimit-reset': String(bucket.reset),
    'x-ratelimit-used': String(bucket.limit - bucket.remaining),
    'x-ratelimit-resource': bucket.resource,
  };
}
