import { execFileSync } from 'node:child_process';

/**
 * The bridge listens on a free loopback port chosen once per test run: the Playwright runner picks it
 * when it loads the config and hands it to its workers through the environment, so two test runs (or a
 * bridge started by hand) never collide.
 */
function bridgePort(): number {
  process.env.CHI_BRIDGE_PORT ??= execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: 'utf8' },
  ).trim();
  return Number(process.env.CHI_BRIDGE_PORT);
}

export const BRIDGE_PORT = bridgePort();
export const BRIDGE_URL = `http://127.0.0.1:${BRIDGE_PORT}`;

/** Gives the next spec a fresh install: new data folder, default settings, empty database. */
export async function resetBridge(): Promise<void> {
  const response = await fetch(`${BRIDGE_URL}/__test__/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`bridge reset answered ${response.status}`);
}
