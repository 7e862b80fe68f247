import { Worker } from 'node:worker_threads';

/**
 * The check, as the source of a worker of its own (eval'd, so a bundle needs no extra file): SQLite's
 * quick_check on a read-only connection, answering its first findings ("ok" when none).
 */
const WORKER_SOURCE = `
const { DatabaseSync } = require('node:sqlite');
const { parentPort, workerData } = require('node:worker_threads');
let findings;
try {
  const db = new DatabaseSync(workerData.file, { readOnly: true });
  findings = db.prepare('PRAGMA quick_check(3)').all().map((row) => String(Object.values(row)[0]));
  db.close();
} catch (error) {
  findings = [String(error && error.message ? error.message : error)];
}
parentPort.postMessage(findings);
`;

/**
 * Reads every page of the database on another thread (about a second per 400 MB), so damage that opening
 * does not touch — pages zeroed in the middle of the items — is found at start, not at the first search
 * that hits it. Answers SQLite's findings, or undefined when the file is sound.
 */
export function checkIntegrity(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } });
    worker.unref();
    worker.once('message', (findings: string[]) => {
      resolve(findings.length === 1 && findings[0] === 'ok' ? undefined : findings.join('; '));
      void worker.terminate();
    });
    worker.once('error', (error) => resolve(String(error)));
  });
}
