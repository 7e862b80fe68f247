import type { Octokit } from '@octokit/core';
import { RequestError } from '@octokit/request-error';

declare module '@octokit/types' {
  interface RequestRequestOptions {
    /** Whether a 200's data is the answer the caller can use (e.g. a search page's fields). */
    readable?: (data: unknown) => boolean;
  }
}

/** What a 502 means here too: an answer came, but not one that can be read. */
const UNREADABLE_STATUS = 502;

/** An HTML page named by its title (GitHub's "Unicorn!"); undefined for text that is not HTML. */
function htmlPage(text: string): string | undefined {
  if (!/^\s*</.test(text)) return undefined;
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  return `an HTML page${title ? ` ("${title}")` : ''}`;
}

function describe(data: unknown, contentType: string | undefined): string {
  if (typeof data !== 'string') return 'not the fields GitHub documents';
  const page = htmlPage(data);
  if (page) return page;
  const start = data.replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${contentType ?? 'no content type'}, not JSON: ${start || '(empty)'}`;
}

/**
 * An Octokit plugin that turns a 200 whose body cannot be read (JSON cut short, an HTML error page, or
 * data the request's `readable` rejects) into a failure the retry plugin retries like a 5xx. Every API
 * answer this client asks for is JSON: Octokit hands back the raw text when it could not parse it.
 * Listed first, its hook runs inside the others, once per attempt.
 */
export function readableAnswers(octokit: Octokit) {
  octokit.hook.wrap('request', async (request, endpoint) => {
    const answer = await request(endpoint);
    const readable = endpoint.request?.readable;
    if (answer.status !== 200 || (typeof answer.data !== 'string' && (readable?.(answer.data) ?? true)))
      return answer;
    throw new RequestError(
      `unreadable answer from GitHub (${describe(answer.data, answer.headers['content-type'])})`,
      UNREADABLE_STATUS,
      { request: endpoint, response: { ...answer, status: UNREADABLE_STATUS } },
    );
  });
}

/** A failed request's message for people: an HTML error page (GitHub's "Unicorn!") is named, not quoted. */
export function failureMessage(error: unknown): string {
  if (!(error instanceof RequestError)) return error instanceof Error ? error.message : String(error);
  const page = htmlPage(error.message);
  return page ? `GitHub answered ${error.status} with ${page}` : error.message;
}
