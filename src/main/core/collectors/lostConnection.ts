import { errorCauses } from '../net/errorCauses.ts';

/**
 * Socket errors that mean a request got no answer at all: the host or the network is gone, which is no
 * fault of the page or repository asked for (TEAM.md decision 9).
 */
const NO_ANSWER = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The code of a failure that is a lost connection ("ECONNREFUSED", or "timed out" for a request the
 * response timeout gave up on), looking through the causes fetch and Octokit wrap it in; else undefined.
 */
export function lostConnectionCode(error: unknown): string | undefined {
  for (const { code, name } of errorCauses(error)) {
    if (typeof code === 'string' && NO_ANSWER.has(code)) return code;
    if (name === 'TimeoutError') return 'timed out';
  }
  return undefined;
}
