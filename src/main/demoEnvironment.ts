import fs from 'node:fs';
import type { Settings } from '../shared/settings.ts';

/**
 * `npm run demo` starts the app with its own data folder and settings pointed at local demo servers
 * (scripts/demo); an ordinary start has neither variable and gets undefined.
 */
export function demoEnvironment(
  env: NodeJS.ProcessEnv,
): { dataFolder: string; settings: Settings } | undefined {
  if (!env.CHI_DEMO_DATA || !env.CHI_DEMO_SETTINGS) return undefined;
  return {
    dataFolder: env.CHI_DEMO_DATA,
    settings: JSON.parse(fs.readFileSync(env.CHI_DEMO_SETTINGS, 'utf8')) as Settings,
  };
}
