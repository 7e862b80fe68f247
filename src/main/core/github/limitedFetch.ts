import { abortError } from './abortError.ts';
import type { Sleep } from './sleep.ts';
import {
  resourceOfPath,
  type Block,
  type LimitFallbacks,
  type Resource,
  type TokenLimits,
} from './tokenLimits.ts';

export type WaitNotice = { reason: string; until: Date };

/** A request a one-shot check did not send because the token is held until `until`. */
export class HeldByLimitError extends Error {
  override name = 'HeldByLimitError';
  readonly until: Date;
  constructor(block: Block) {
    super(`${block.reason}; requests wait until ${new Date(block.until).toISOString()}`);
    this.until = new Date(block.until);
  }
}

export type LimitedFetchOptions = {
  limits: TokenLimits;
  /** The API base URL: requests under it are GitHub's; others (codeload) pass untouched. */
  apiBase: string;
  inner: typeof fetch;
  /** Wait out a hold or a spent quota (reported through `notify`); false: fail at once (a check). */
  wait: boolean;
  sleep: Sleep;
  notify?(wait: WaitNotice): void;
  /** A collector's workers: a reserve of core quota is kept for requests in flight. */
  concurrency?: number;
  /** Waits for limits without a usable time (GitHub: at least 60 s after a secondary limit). */
  fallbacks?: LimitFallbacks;
  now?: () => number;
};

/** The message of a 403/429 (which tells a secondary limit from a permission error). */
async function messageOf(response: Response): Promise<string | undefined> {
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  try {
    return String((JSON.parse(text) as { message?: unknown }).message ?? '');
  } catch {
    return text.slice(0, 500);
  }
}

/**
 * The fetch Octokit uses: no request for the token leaves while its limits hold it (a secondary limit's
 * wait, a spent quota; GET /rate_limit excepted, it is free), every answer teaches the token's limits, and
 * a request cut short by its signal fails as an AbortError, which Octokit and its retry plugin never retry.
 */
export function createLimitedFetch(options: LimitedFetchOptions) {
  const now = options.now ?? Date.now;
  const api = new URL(options.apiBase);
  const apiPrefix = `${api.origin}${api.pathname.replace(/\/+$/, '')}`;
  const counts: Record<Resource, number> = { core: 0, search: 0 };
  let announced = 0;

  /** Reports a wait once, as soon as it is known (the answer that starts it, or the request it holds). */
  function announce(block: Block): void {
    if (block.quiet || block.until === announced) return;
    announced = block.until;
    options.notify?.({ reason: block.reason, until: new Date(block.until) });
  }

  async function admit(resource: Resource, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const block = options.limits.blocked(resource, options.concurrency);
      if (!block) return;
      if (!options.wait) throw new HeldByLimitError(block);
      announce(block);
      await options.sleep(block.until - now(), signal ?? new AbortController().signal);
    }
  }

  const limitedFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signal = init?.signal ?? undefined;
    if (!url.startsWith(`${apiPrefix}/`)) return options.inner(input, init);
    const path = url.slice(apiPrefix.length).split('?')[0];
    const resource = resourceOfPath(path);
    const free = path === '/rate_limit';
    if (!free) {
      await admit(resource, signal);
      options.limits.spend(resource);
      counts[resource]++;
    }
    const sentAt = now();
    let response: Response;
    try {
      response = await options.inner(input, init);
    } catch (error) {
      throw signal?.aborted ? abortError(signal) : error;
    }
    const limited = response.status === 403 || response.status === 429;
    options.limits.observe(
      {
        status: response.status,
        headers: response.headers,
        message: limited ? await messageOf(response) : undefined,
      },
      resource,
      sentAt,
      options.fallbacks,
    );
    const block = options.wait && options.limits.blocked(resource, options.concurrency);
    if (block) announce(block);
    return response;
  };

  return { fetch: limitedFetch, requests: () => counts.core + counts.search };
}
