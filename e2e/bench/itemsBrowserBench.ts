/**
 * The Items screen as a user meets it, in the browser harness: the built renderer in Chromium, the real
 * core behind the test bridge, 100,000 generated items. Times opening the screen, keystroke → rows on
 * screen while typing searches at a person's pace, frames that show an empty list, scrolling (frames
 * over 50 ms) and facet counts through the bridge. Prints figures only.
 * Run alone (after `npm run build`): node e2e/bench/itemsBrowserBench.ts [count]
 */
import fs from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { RENDERER_DIR, startBridge } from '../harness/bridgeServer.ts';

const WORDS = ['serialize', 'cache token', 'return result', 'async function', 'borrow', 'parse json'];
/** Milliseconds between two keys: a quick typist. */
const KEY_INTERVAL_MS = 120;

const fmt = (n: number) => `${n.toFixed(0)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const summary = (values: number[]) =>
  `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(Math.max(...values))} (n=${values.length})`;

/**
 * In the page: the time of each change of the search box, and for each, the first frame that shows
 * the rows of that text or a later one (what the user waits for); also frames that show no rows.
 */
function installProbe() {
  type Probe = {
    pending: { text: string; at: number }[];
    latencies: number[];
    emptyFrames: number;
    frames: number;
    firstRowsAt?: number;
  };
  const probe: Probe = { pending: [], latencies: [], emptyFrames: 0, frames: 0 };
  (window as unknown as { probe: Probe }).probe = probe;
  document.addEventListener(
    'input',
    (e) => {
      const input = e.target as HTMLInputElement;
      if (input.dataset.testid === 'item-search') probe.pending.push({ text: input.value, at: e.timeStamp });
    },
    true,
  );
  const frame = (now: number) => {
    probe.frames++;
    const shown = document.querySelector<HTMLElement>('[data-shown-query]')?.dataset.shownQuery;
    if (document.querySelectorAll('[data-testid="item-row"]').length === 0) probe.emptyFrames++;
    else probe.firstRowsAt ??= now;
    const at = probe.pending.findLastIndex((p) => p.text === shown);
    if (at >= 0) {
      for (const p of probe.pending.splice(0, at + 1)) probe.latencies.push(now - p.at);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function typeSearches(page: Page) {
  const search = page.getByTestId('item-search');
  const latencies: number[] = [];
  let emptyFrames = 0;
  let frames = 0;
  for (const word of WORDS) {
    await search.fill('');
    await page.waitForSelector('[data-shown-query=""] [data-testid="item-row"]');
    await page.evaluate(() => {
      const p = (
        window as unknown as {
          probe: { pending: unknown[]; latencies: number[]; emptyFrames: number; frames: number };
        }
      ).probe;
      p.pending = [];
      p.latencies = [];
      p.emptyFrames = 0;
      p.frames = 0;
    });
    await search.focus();
    for (const key of word) {
      await page.keyboard.type(key);
      await page.waitForTimeout(KEY_INTERVAL_MS);
    }
    await page.waitForFunction(
      (w) =>
        (window as unknown as { probe: { pending: unknown[] } }).probe.pending.length === 0 &&
        document.querySelector<HTMLElement>('[data-shown-query]')?.dataset.shownQuery === w,
      word,
      { timeout: 30_000 },
    );
    const result = await page.evaluate(
      () =>
        (window as unknown as { probe: { latencies: number[]; emptyFrames: number; frames: number } }).probe,
    );
    latencies.push(...result.latencies);
    emptyFrames += result.emptyFrames;
    frames += result.frames;
  }
  console.log(
    `  keystroke → rows on screen (${WORDS.length} searches typed, a key every ${KEY_INTERVAL_MS} ms): ${summary(latencies)}`,
  );
  console.log(`  frames with an empty list while typing: ${emptyFrames} of ${frames}`);
}

async function scrollFrames(page: Page) {
  const { long, frames } = await page.evaluate(async () => {
    const grid = document.querySelector<HTMLElement>('[data-testid="item-list"]')!;
    grid.scrollTop = 0;
    const gaps: number[] = [];
    await new Promise<void>((done) => {
      let last = performance.now();
      const started = last;
      const step = (now: number) => {
        gaps.push(now - last);
        last = now;
        grid.scrollTop += 240; // a brisk wheel: four rows a frame
        if (now - started < 4000) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    return { long: gaps.filter((g) => g > 50).length, frames: gaps.length };
  });
  console.log(`  scrolling for 4 s: ${long} of ${frames} frames over 50 ms`);
}

/** The first page of every prefix the user typed, through the bridge: the core's share of a keystroke. */
async function listTimes(page: Page) {
  const times = await page.evaluate(async (words) => {
    const out: number[] = [];
    for (const word of words)
      for (let n = 1; n <= word.length; n++) {
        const t0 = performance.now();
        await window.api.listItems(
          { text: word.slice(0, n), sort: { column: 'relevance', direction: 'asc' } },
          { offset: 0, limit: 100 },
        );
        out.push(performance.now() - t0);
      }
    return out;
  }, WORDS);
  console.log(`  first page of rows through the bridge, for every prefix typed: ${summary(times)}`);
}

async function facetTimes(page: Page) {
  const times = await page.evaluate(async (words) => {
    const out: number[] = [];
    for (const text of words)
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await window.api.itemFacets({ text, sort: { column: 'relevance', direction: 'asc' } });
        out.push(performance.now() - t0);
      }
    return out;
  }, WORDS);
  console.log(`  facet counts through the bridge, for those searches: ${summary(times)}`);
}

export async function benchItemsBrowser(count = 100_000): Promise<void> {
  if (!fs.existsSync(`${RENDERER_DIR}/index.html`)) {
    console.log('items-browser bench: no built renderer; run `npm run build` first');
    return;
  }
  // The bridge and its core in this process (a temporary data folder, removed on close).
  const bridge = await startBridge({ port: 0, testHooks: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    console.log(`items-browser bench: ${count.toLocaleString('en-US')} generated items, Chromium + bridge`);
    const seeded = await fetch(`${bridge.url}/__test__/seed?count=${count}`, { method: 'POST' });
    console.log(
      `  seeded ${((await seeded.json()) as { inserted: number }).inserted.toLocaleString('en-US')} items`,
    );
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.addInitScript(installProbe);
    await page.goto(`${bridge.url}/#/items`);
    const firstRows = async () => {
      await page.waitForSelector('[data-testid="item-row"]');
      return page.evaluate(() => (window as unknown as { probe: { firstRowsAt: number } }).probe.firstRowsAt);
    };
    console.log(
      `  opening Items (navigation → first rows, query threads starting): ${fmt(await firstRows())}`,
    );
    const again: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      again.push(await firstRows());
    }
    console.log(`  opening Items again (page reloaded): ${summary(again)}`);
    await typeSearches(page);
    await page.getByTestId('item-search').fill('');
    await page.waitForSelector('[data-shown-query=""] [data-testid="item-row"]');
    await scrollFrames(page);
    await listTimes(page);
    await facetTimes(page);
  } finally {
    await browser.close();
    await bridge.close();
  }
}

if (import.meta.main) await benchItemsBrowser(Number(process.argv[2]) || undefined);
