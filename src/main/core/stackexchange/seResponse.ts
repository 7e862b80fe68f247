import { gunzipSync } from 'node:zlib';

/** The wrapper every Stack Exchange API answer comes in. */
export type SeWrapper<T> = {
  items: T[];
  has_more: boolean;
  quota_max: number;
  quota_remaining: number;
  backoff?: number;
  page?: number;
  page_size?: number;
  total?: number;
};

/** The daily quota resets at UTC midnight. */
export function nextUtcMidnight(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return d.toISOString();
}

/** A throttle longer than this is the daily quota (the API says "available in ~86,400 seconds"). */
export const QUOTA_WAIT_MS = 15 * 60_000;

/** "too many requests from this IP, more requests available in 67194 seconds" → 67,194,000. */
export function availableInMs(message: string): number | undefined {
  const seconds = /available in (\d+) seconds?/i.exec(message)?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}

/** An API error: HTTP 400 with error_id / error_name / error_message in the body. */
export class StackExchangeError extends Error {
  readonly errorId: number;
  readonly errorName: string;
  readonly httpStatus: number;
  constructor(errorId: number, errorName: string, message: string, httpStatus: number) {
    super(message);
    this.name = 'StackExchangeError';
    this.errorId = errorId;
    this.errorName = errorName;
    this.httpStatus = httpStatus;
  }
}

/** The ids that mean the key or token is wrong (api.stackexchange.com/docs/error-handling). */
const KEY_ERROR_IDS = new Set([401, 402, 403, 405, 406]);

/** A rejected key or token: one of those ids, or bad_parameter naming the key. */
export const isKeyError = (error: StackExchangeError) =>
  KEY_ERROR_IDS.has(error.errorId) || (error.errorId === 400 && /\bkey\b/i.test(error.message));

/**
 * Reads an answer body. The API always gzips; fetch inflates it when Content-Encoding says so, and when
 * the header is missing the gzip magic bytes tell.
 */
export async function readSeBody(response: Response): Promise<unknown> {
  let bytes = Buffer.from(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new StackExchangeError(
      0,
      'malformed_response',
      `Stack Exchange answered ${response.status} with a body that is not JSON`,
      response.status,
    );
  }
  const error = body as { error_id?: number; error_name?: string; error_message?: string };
  if (typeof error.error_id === 'number') {
    throw new StackExchangeError(
      error.error_id,
      error.error_name ?? 'unknown',
      error.error_message ?? 'unknown error',
      response.status,
    );
  }
  if (!response.ok) {
    throw new StackExchangeError(
      0,
      'http_error',
      `Stack Exchange answered ${response.status}`,
      response.status,
    );
  }
  return body;
}
