import { z } from 'zod';
import { sourceIdSchema, type SourceId } from './settings.ts';

export type ConnectionStatus = 'ok' | 'bad_token' | 'unreachable' | 'rate_limited' | 'error';

/** The answer of "Test connection", in words a user understands plus the figures behind them. */
export type ConnectionReport = {
  source: SourceId;
  status: ConnectionStatus;
  /** One plain sentence, e.g. "Connected as octocat — 4,988 of 5,000 requests left this hour". */
  message: string;
  login?: string;
  quotaRemaining?: number;
  quotaMax?: number;
  /** ISO time when the quota resets (GitHub hourly, Stack Exchange at UTC midnight). */
  resetAt?: string;
  /** Unreachable: why, in a few words ("ECONNREFUSED", "timed out"). */
  cause?: string;
};

/**
 * What the user is testing: the base URL in the form and, optionally, a secret typed but not yet saved.
 * Without a secret the stored one is used, and only at the origin it was saved for. The base URL is
 * checked by the core (BASE_URL_SCHEMAS), which answers a bad one with the field's message.
 */
export const connectionDraftSchema = z.object({
  source: sourceIdSchema,
  baseUrl: z.string().trim().max(1000).optional(),
  secret: z.string().trim().max(400).optional(),
  site: z.string().trim().max(100).optional(),
});
export type ConnectionDraft = z.infer<typeof connectionDraftSchema>;
