import type { SourceId } from '../../../../shared/settings.ts';

/** What to do about a source's failure: in words, and the Settings field to fix it in, if one. */
export type FailureAdvice = { todo: string; field?: string; fieldName?: string; testable: boolean };

const SECRET: Record<SourceId, { field: string; name: string }> = {
  github: { field: 'github.token', name: 'token' },
  stackoverflow: { field: 'stackoverflow.apiKey', name: 'API key' },
};

/**
 * Reads the core's plain reason ("GitHub rejected the token…", "Cannot reach GitHub at … (ECONNREFUSED)",
 * "daily quota spent…") for the one thing the user can do next.
 */
export function failureAdvice(source: SourceId, reason: string | undefined): FailureAdvice {
  const why = reason ?? '';
  const secret = SECRET[source];
  if (/reject|token|\bkey\b|401|unauthori[sz]ed|credential/i.test(why))
    return {
      todo: `Check the ${secret.name} in Settings (or create a new one), then press Test connection beside it.`,
      field: secret.field,
      fieldName: secret.name,
      testable: true,
    };
  if (/reach|ECONN|ENOTFOUND|EAI_AGAIN|timed out|network|refused|invalid url/i.test(why))
    return {
      todo: 'Check the API base URL in Settings and your network, then press Test connection.',
      field: `${source}.baseUrl`,
      fieldName: 'API base URL',
      testable: true,
    };
  if (/does not know the site/i.test(why))
    return {
      todo: 'Check the site name in Settings.',
      field: 'stackoverflow.site',
      fieldName: 'site',
      testable: true,
    };
  if (/quota|rate limit|throttl/i.test(why))
    return {
      todo: `Wait for the limit to reset, then resume the run; a ${secret.name} in Settings raises the limit.`,
      field: secret.field,
      fieldName: secret.name,
      testable: true,
    };
  return { todo: 'Open the run’s page for every error, and check Settings.', testable: false };
}
