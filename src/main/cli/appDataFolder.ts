import os from 'node:os';
import path from 'node:path';

/** The folder Electron uses as userData for this app, so the CLI and the app share one database. */
export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const name = 'code-helper-ingest';
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}
