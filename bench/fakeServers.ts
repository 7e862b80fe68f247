/**
 * Both fakes in a process of their own, so a benchmark measures only its own memory. Prints one JSON
 * line with the URLs, then serves until killed. Options: a JSON argument of {github, stackexchange}.
 */
import { startFakeGithub, type FakeGithubOptions } from '../test/fakes/github/fakeGithub.ts';
import {
  startFakeStackExchange,
  type FakeStackExchangeOptions,
} from '../test/fakes/stackexchange/fakeStackExchange.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as {
  github?: FakeGithubOptions;
  stackexchange?: FakeStackExchangeOptions;
};
const github = await startFakeGithub(options.github);
const se = await startFakeStackExchange(options.stackexchange);
console.log(JSON.stringify({ github: github.url, stackexchange: se.url }));
process.on('message', (message) => {
  if (message === 'stats') {
    process.send?.({
      githubLimitAnswers: github.limitAnswers,
      githubLimitViolations: github.limitViolations,
      seThrottleViolations: se.throttleViolations,
      githubRequests: Object.fromEntries(github.requests),
      seRequests: Object.fromEntries(se.requests),
    });
  }
});
