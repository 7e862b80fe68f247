import log from 'electron-log/node';

/** The core's logger: plain functions, so tests and the CLI can hand in their own. */
export type Logger = {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
};

const REDACTED = '[redacted]';

/** Replaces every occurrence of a known secret in a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}

/**
 * A JSON-lines log file through electron-log (its Node entry, so the core never loads Electron).
 * `secrets` is asked on every write, so a token saved a minute ago is redacted too.
 */
export function createFileLogger(
  file: string,
  secrets: () => readonly string[],
  options: { console?: boolean } = {},
): Logger {
  const logger = log.create({ logId: `code-helper-ingest:${file}` });
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = 10 * 1024 ** 2;
  logger.transports.file.format = ({ data, level }) => {
    const [message, meta] = data as [string, Record<string, unknown> | undefined];
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...meta });
    return [redact(line, secrets())];
  };
  logger.transports.console.level = options.console ? 'info' : false;
  logger.transports.console.format = ({ data, level }) => [
    redact(`[${level}] ${String(data[0])}`, secrets()),
  ];
  const write = (level: 'info' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) =>
    meta ? logger[level](message, meta) : logger[level](message);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
