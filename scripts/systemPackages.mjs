import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** What the browser tests need from Debian: Chromium, a virtual display for Electron, and fonts. */
export const APT_PACKAGES = ['chromium', 'xvfb', 'xauth', 'fonts-liberation'];
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs the Debian packages when Chromium is missing (as root); says plainly what to do otherwise. */
export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')} (or set CHROMIUM_PATH).`,
    );
  }
  console.log(`Installing ${APT_PACKAGES.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], {
    stdio: 'inherit',
    env,
  });
}
