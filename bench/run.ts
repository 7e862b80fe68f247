/** `npm run bench`: every benchmark in turn; figures are printed, never asserted. */
import { benchGithub } from './githubBench.ts';
import { benchItems } from './itemsBench.ts';
import { benchPipeline } from './pipelineBench.ts';
import { benchStackOverflow } from './stackoverflowBench.ts';

const only = process.argv[2];
const benches = {
  github: benchGithub,
  stackoverflow: benchStackOverflow,
  pipeline: benchPipeline,
  items: benchItems,
};
for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await bench();
  console.log();
}
