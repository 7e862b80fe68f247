/**
 * The demo's local servers: the test fakes of GitHub and Stack Exchange (test/fakes), with generated
 * repositories and questions, paced so a run lasts about a minute. `npm run demo` and
 * `code-helper-ingest collect --demo` use them; nothing leaves the machine.
 */
import path from 'node:path';
import { startFakeGithub, type FakeGithub } from '../../test/fakes/github/fakeGithub.ts';
import {
  startFakeStackExchange,
  type FakeStackExchange,
} from '../../test/fakes/stackexchange/fakeStackExchange.ts';

export const DEMO_GITHUB_TOKEN = 'ghp_demo_token_for_the_local_fake_0001';
export const DEMO_STACKEXCHANGE_KEY = 'demo-stack-exchange-key';

/** Demo databases, logs and exports: in the package, git-ignored, never the app's own data folder. */
export const DEMO_DATA_FOLDER = path.resolve(import.meta.dirname, '../../demo-data');

export type DemoServers = { github: FakeGithub; stackexchange: FakeStackExchange; close(): Promise<void> };

/** `quick` answers at once, for tests of the demo; otherwise the pace of a demo to watch. */
export async function startDemoServers(options: { quick?: boolean } = {}): Promise<DemoServers> {
  const pace = (ms: number) => (options.quick ? 0 : ms);
  const github = await startFakeGithub({
    tokens: { [DEMO_GITHUB_TOKEN]: 'demo-user' },
    corpus: { repos: 120, sourceFilesPerLanguage: 4 },
    latencyMs: pace(1000),
  });
  const stackexchange = await startFakeStackExchange({
    keys: [DEMO_STACKEXCHANGE_KEY],
    site: { questions: 3000 },
    latencyMs: pace(2500),
  });
  return {
    github,
    stackexchange,
    close: async () => {
      await Promise.all([github.close(), stackexchange.close()]);
    },
  };
}

/** A settings file's content that points both sources at the demo servers, with their token and key. */
export function demoSettings(servers: DemoServers) {
  return {
    github: {
      baseUrl: servers.github.url,
      token: DEMO_GITHUB_TOKEN,
      languages: ['python', 'typescript', 'go', 'rust'],
      minStars: 0,
      pushedAfter: '',
      minRepoSizeKb: 0,
      maxRepos: 60,
    },
    stackoverflow: {
      baseUrl: servers.stackexchange.url,
      apiKey: DEMO_STACKEXCHANGE_KEY,
      tags: ['python', 'javascript', 'typescript'],
      minQuestionScore: 0,
      minAnswerScore: 0,
      maxQuestions: 1500,
    },
    // Two downloads at a time, so the run lasts long enough to watch, pause and resume.
    pipeline: { githubConcurrency: 2 },
  };
}
