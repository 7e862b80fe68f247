import type { ConnectionDraft, ConnectionReport } from '../../../shared/connection.ts';
import type { SourceProgress } from '../../../shared/collectorEvents.ts';
import type { ItemSource } from '../../../shared/items.ts';
import { SOURCES, type Settings, type SourceId } from '../../../shared/settings.ts';
import { collectGithub } from '../github/collectGithub.ts';
import { checkGithubConnection } from '../github/githubHealth.ts';
import { DAILY_QUOTA } from '../stackexchange/seClient.ts';
import { checkStackExchangeConnection } from '../stackexchange/seHealth.ts';
import { collectStackOverflow } from '../stackexchange/stackoverflowCollector.ts';
import type { CollectorContext, CollectorResult } from './collector.ts';

export type Collector = (ctx: CollectorContext) => Promise<CollectorResult>;
/** `run`: given for the check before a run, whose cancel ends it. */
export type HealthCheck = (
  settings: Settings,
  fetch?: typeof globalThis.fetch,
  run?: { signal: AbortSignal },
) => Promise<ConnectionReport>;

/** Everything the pipeline, Test connection, the metrics and the run records need to know of a source. */
export type SourceDefinition = {
  id: SourceId;
  /** The item kinds it stores. */
  itemKinds: readonly ItemSource[];
  /** What its progress counts. */
  unit: SourceProgress['unit'];
  enabled(settings: Settings): boolean;
  /** Units asked for: the progress bar's end. */
  maxUnits(settings: Settings): number;
  /** Its secret (token, key): sent only to its base URL, never recorded with a run. */
  secret: { get(settings: Settings): string; with(settings: Settings, value: string): Settings };
  /** Test connection and the run's first step. */
  checkConnection: HealthCheck;
  collect: Collector;
  /**
   * The limit that, found spent by the health check, stops the source until it resets (Stack Exchange's
   * daily quota). Without one, the collector waits for the reset (GitHub's hourly quota).
   */
  stopsWhenSpent?: string;
};

export const SOURCE_REGISTRY: Record<SourceId, SourceDefinition> = {
  github: {
    id: 'github',
    itemKinds: ['github_code', 'github_doc'],
    unit: 'repositories',
    enabled: (s) => s.pipeline.githubEnabled,
    maxUnits: (s) => s.github.maxRepos,
    secret: {
      get: (s) => s.github.token,
      with: (s, token) => ({ ...s, github: { ...s.github, token } }),
    },
    // Before a run the token's limits matter, not its login: only GET /rate_limit, which is free.
    checkConnection: (s, fetch, run) =>
      checkGithubConnection(
        { baseUrl: s.github.baseUrl, token: s.github.token },
        { fetch, signal: run?.signal, identify: !run },
      ),
    collect: (ctx) => collectGithub(ctx),
  },
  stackoverflow: {
    id: 'stackoverflow',
    itemKinds: ['stackoverflow_qa'],
    unit: 'questions',
    enabled: (s) => s.pipeline.stackoverflowEnabled,
    maxUnits: (s) => s.stackoverflow.maxQuestions,
    secret: {
      get: (s) => s.stackoverflow.apiKey,
      with: (s, apiKey) => ({ ...s, stackoverflow: { ...s.stackoverflow, apiKey } }),
    },
    checkConnection: (s, fetch, run) =>
      checkStackExchangeConnection(
        { baseUrl: s.stackoverflow.baseUrl, key: s.stackoverflow.apiKey, site: s.stackoverflow.site },
        { fetch, signal: run?.signal },
      ),
    collect: (ctx) => collectStackOverflow(ctx),
    stopsWhenSpent: DAILY_QUOTA,
  },
};

export const enabledSources = (settings: Settings): SourceId[] =>
  SOURCES.filter((id) => SOURCE_REGISTRY[id].enabled(settings));

/** The settings with every secret replaced (by "(set)" when one is set, as run records keep them). */
export const withSecrets = (settings: Settings, secretOf: (id: SourceId) => string): Settings =>
  SOURCES.reduce((s, id) => SOURCE_REGISTRY[id].secret.with(s, secretOf(id)), settings);

/** The saved settings with what the user is testing in the form: its base URL, secret and site. */
export function settingsForDraft(current: Settings, draft: ConnectionDraft): Settings {
  const source = SOURCE_REGISTRY[draft.source];
  let next: Settings = { ...current, [draft.source]: { ...current[draft.source] } };
  if (draft.baseUrl) next[draft.source].baseUrl = draft.baseUrl;
  if (draft.site && draft.source === 'stackoverflow') next.stackoverflow.site = draft.site;
  if (draft.secret !== undefined) next = source.secret.with(next, draft.secret);
  return next;
}
