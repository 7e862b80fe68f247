import type { ConnectionDraft, ConnectionReport } from '../../../shared/connection.ts';
import { BASE_URL_SCHEMAS, sameOrigin, type Settings } from '../../../shared/settings.ts';
import { settingsForDraft, SOURCE_REGISTRY } from '../collectors/sources.ts';

const SECRET_NAME = { github: 'token', stackoverflow: 'key' } as const;

/**
 * "Test connection" with what the form holds. The base URL is checked as Settings checks it (answered
 * with the field's message). A saved secret is only sent to the origin it was saved for: testing another
 * address needs the secret typed in the same call.
 */
export async function testConnection(
  draft: ConnectionDraft,
  settings: Settings,
  fetch?: typeof globalThis.fetch,
): Promise<ConnectionReport> {
  const source = SOURCE_REGISTRY[draft.source];
  const savedUrl = settings[draft.source].baseUrl;
  const address = BASE_URL_SCHEMAS[draft.source].safeParse(draft.baseUrl || savedUrl);
  if (!address.success)
    return { source: draft.source, status: 'error', message: address.error.issues[0].message };
  if (draft.secret === undefined && source.secret.get(settings) && !sameOrigin(address.data, savedUrl)) {
    return {
      source: draft.source,
      status: 'error',
      message: `The saved ${SECRET_NAME[draft.source]} is only sent to ${new URL(savedUrl).origin}. Type it again to test ${new URL(address.data).origin}.`,
    };
  }
  return source.checkConnection(settingsForDraft(settings, { ...draft, baseUrl: address.data }), fetch);
}
