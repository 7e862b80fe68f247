import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultSettings } from '../src/shared/settings.ts';
import { collectGithub } from '../src/main/core/github/collectGithub.ts';
import { silentLogger } from '../src/main/core/logging/logger.ts';
import { startPipeline } from '../src/main/core/pipeline/runPipeline.ts';
import { openDatabase } from '../src/main/core/store/database.ts';

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

type FakeStats = {
  githubLimitAnswers: number;
  githubLimitViolations: number;
  seThrottleViolations: number;
};

/**
 * The whole pipeline, both sources at once, against fakes in another process: items/s for the run, this
 * process's peak RSS along the way (to show it stays flat as items pile up), and the event rate the
 * renderer would get.
 */
export async function benchPipeline(): Promise<void> {
  console.log(
    `Pipeline (both sources, fakes in a separate process; V8 flags: ${process.execArgv.join(' ') || 'none'})`,
  );
  const fakes = fork(
    path.join(import.meta.dirname, 'fakeServers.ts'),
    [
      JSON.stringify({
        github: {
          latencyMs: 1,
          searchLimit: 100_000,
          corpus: { repos: 1300, sourceFilesPerLanguage: 8 },
        },
        stackexchange: { site: { questions: 46_000, tags: ['python'] }, quotaWithKey: 1_000_000 },
      }),
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const urls = await new Promise<{ github: string; stackexchange: string }>((resolve) =>
    fakes.stdout!.once('data', (d) => resolve(JSON.parse(String(d)))),
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bench-pipeline-'));
  const db = openDatabase(path.join(folder, 'items.sqlite'));
  const settings = defaultSettings();
  Object.assign(settings.github, {
    baseUrl: urls.github,
    token: 'ghp_fake_valid_token_0001',
    languages: ['python', 'javascript', 'typescript', 'java', 'go', 'rust'],
    minStars: 0,
    pushedAfter: '',
    minRepoSizeKb: 0,
    maxRepos: 900,
  });
  Object.assign(settings.stackoverflow, {
    baseUrl: urls.stackexchange,
    apiKey: 'fake-se-key-0001',
    tags: ['python'],
    minQuestionScore: 0,
    minAnswerScore: 0,
    maxQuestions: 45_000,
    maxAnswersPerQuestion: 10,
  });
  settings.pipeline.batchSize = 500;

  let snapshots = 0;
  let peakRss = process.memoryUsage().rss;
  const rssAt: { items: number; rss: number; heap: number }[] = [];
  let lastItems = 0;
  const started = performance.now();
  const run = startPipeline({
    settings,
    db,
    log: silentLogger,
    // The search bucket of the fake is wide open; no need to space searches 2 s apart here.
    collectors: { github: (ctx) => collectGithub(ctx, { searchMinTimeMs: 0 }) },
    onSnapshot(snapshot) {
      snapshots++;
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      lastItems = snapshot.totals.itemsStored;
      if (rssAt.length === 0 || lastItems - rssAt[rssAt.length - 1].items >= 20_000)
        rssAt.push({ items: lastItems, rss, heap: process.memoryUsage().heapUsed });
    },
  });
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const final = await run.done;
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const stats = await new Promise<FakeStats>((resolve) => {
    fakes.once('message', (m) => resolve(m as FakeStats));
    fakes.send('stats');
  });
  fakes.kill();
  db.close();
  fs.rmSync(folder, { recursive: true, force: true });

  const gh = final.sources.github!.progress.items;
  const so = final.sources.stackoverflow!.progress.items;
  console.log(
    `  ${final.status} in ${seconds.toFixed(1)} s: ${final.totals.itemsStored.toLocaleString('en-US')} items stored ` +
      `(github ${gh.inserted.toLocaleString('en-US')}, stackoverflow ${so.inserted.toLocaleString('en-US')}), ` +
      `${(final.totals.itemsStored / seconds).toFixed(0)} items/s for the whole run`,
  );
  console.log(
    `  peak RSS of the pipeline process ${mb(peakRss)} (goal < 300 MB); RSS by items stored: ` +
      rssAt.map((p) => `${(p.items / 1000).toFixed(0)}k→${mb(p.rss)} (heap ${mb(p.heap)})`).join(', '),
  );
  console.log(
    `  events to the renderer: ${snapshots} snapshots, ${(snapshots / seconds).toFixed(1)} per second`,
  );
  console.log(
    `  limit discipline: GitHub 403/429 ${stats.githubLimitAnswers}, Stack Exchange throttle violations ${stats.seThrottleViolations}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPipeline();
