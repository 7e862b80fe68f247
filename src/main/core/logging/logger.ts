import log from 'electron-log/node';

/** The core's logger: plain functions, so tests and the CLI can hand in their own. */
export type Logger = {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
};

const REDACTED = '[redacted]';
/** The fields every line has; metadata of the same name goes beside them as "meta.<name>". */
const LINE_FIELDS = new Set(['time', 'level', 'message']);

/** One JSON line: the line's own fields first, then the metadata, never overwriting them. */
function logLine(level: string, message: string, meta: Record<string, unknown> = {}): string {
  const line: Record<string, unknown> = { time: new Date().toISOString(), level, message };
  for (const [key, value] of Object.entries(meta)) line[LINE_FIELDS.has(key) ? `meta.${key}` : key] = value;
  return JSON.stringify(line);
}

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
/**
 * A log file that can't be written (its folder is a file, say) is reported once, on stderr, by
 * electron-log's own default logger: as one line saying where and why, not with a stack trace that would
 * bury the diagnosis the app or the CLI gives of the folder.
 */
log.transports.console.format = ({ data }) => [
  data
    .map((part) => (part instanceof Error ? `(${part.message})` : String(part)))
    .join(' ')
    .replace(/^electron-log\.transports\.file: Can't write to/, "The log can't be written at"),
];

export function createFileLogger(
  file: string | (() => string),
  secrets: () => readonly string[],
  options: { console?: boolean } = {},
): Logger {
  const fileNow = typeof file === 'string' ? () => file : file;
  const logger = log.create({ logId: `code-helper-ingest:${fileNow()}` });
  // Electron-log's Node build names the app from the nearest package.json above the working directory and
  // writes nothing without one (the CLI run from any folder). The path is ours anyway; the name only has
  // to exist.
  logger.transports.file.setAppName('code-helper-ingest');
  // Asked on every line, so a logger whose folder changes (the recovery screen's) follows it.
  logger.transports.file.resolvePathFn = fileNow;
  logger.transports.file.maxSize = 10 * 1024 ** 2;
  logger.transports.file.format = ({ data, level }) => {
    const [message, meta] = data as [string, Record<string, unknown> | undefined];
    return [redact(logLine(level, message, meta), secrets())];
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
