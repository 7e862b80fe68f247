import path from 'node:path';

/**
 * The folder the user typed the command in. `npm run` starts scripts in the package root and names the
 * user's folder in INIT_CWD, so `npm run cli -- export --out corpus.jsonl` writes where the user is.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

/** A path from the command line, resolved against the user's folder. */
export function userPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(userFolder(env), file);
}
