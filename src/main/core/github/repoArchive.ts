import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import type { GithubClient } from './githubClient.ts';
import { ArchiveCapError, tooManyEntries, type ArchiveCaps } from './archiveCaps.ts';
import type { RepoFileSelector } from './repoFileSelector.ts';

/** The archive could not be read (codeload error, corrupt or truncated gzip/tar, too big): fall back. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export type ArchiveDeps = {
  client: GithubClient;
  signal: AbortSignal;
  /** For the codeload download, which is not an API call. */
  fetch: typeof fetch;
  /** A download larger than this (compressed) falls back to tree + blobs. */
  maxArchiveBytes: number;
  caps: ArchiveCaps;
};

/** Fails the stream with `error()` once more than `max` bytes went through. */
function byteLimit(max: number, error: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > max ? error() : null, chunk);
    },
  });
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;

/** Feeds the tar parser and resolves when it has read the whole archive, or `maxEntries` were too few. */
function untar(selector: RepoFileSelector, maxEntries: number) {
  return async (chunks: AsyncIterable<Buffer>) => {
    let entries = 0;
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        if (++entries > maxEntries) {
          entry.resume();
          parser.abort(tooManyEntries(maxEntries));
          return;
        }
        // Entries sit under "{owner}-{repo}-{sha}/".
        const path = entry.path.slice(entry.path.indexOf('/') + 1);
        if (entry.type !== 'File' || !path || !selector.wants(path, entry.size)) {
          entry.resume();
          return;
        }
        const parts: Buffer[] = [];
        entry.on('data', (c: Buffer) => parts.push(c));
        entry.on('end', () => {
          try {
            selector.file(path, Buffer.concat(parts));
          } catch (error) {
            parser.abort(error as Error);
          }
        });
      },
    });
    let failed = false;
    const done = new Promise<void>((resolve, reject) => {
      parser.on('end', resolve);
      parser.on('error', (error: Error) => {
        failed = true;
        reject(error);
      });
    });
    // It may fail while a chunk is awaited, before `await done` below: not an unhandled rejection.
    done.catch(() => undefined);
    for await (const chunk of chunks) {
      if (failed) break;
      parser.write(chunk);
    }
    parser.end();
    await done;
  };
}

/**
 * One API request per repository: GET /repos/{o}/{r}/tarball/{ref} answers 302 to codeload, whose
 * download is streamed through gunzip and untar; the selector sees every file and reads only those it
 * wants. API errors (401, 403, 404, limits) are thrown as Octokit RequestErrors; a broken download as
 * ArchiveError (or a zlib/tar error; a download that stalls twice); an archive past a cap (unpacked size, entries) as ArchiveCapError as
 * soon as the cap is passed, so neither time nor memory goes into the rest of it.
 */
export async function readRepoArchive(
  repo: { owner: string; name: string; ref: string },
  selector: RepoFileSelector,
  deps: ArchiveDeps,
): Promise<void> {
  const redirect = await deps.client.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
    owner: repo.owner,
    repo: repo.name,
    ref: repo.ref,
    request: { redirect: 'manual', signal: deps.signal },
  });
  const location = redirect.headers.location;
  if (!location) throw new ArchiveError(`tarball answered ${redirect.status} without a location`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await download(location, selector, deps);
    } catch (error) {
      if (deps.signal.aborted || !isStall(error)) throw error;
      const message = `the archive download stalled (${(error as Error).message})`;
      if (attempt >= DOWNLOAD_TRIES) throw new ArchiveError(`${message}, ${DOWNLOAD_TRIES} times`);
    }
  }
}

/** Tries of a download that stops sending (the response timeout's idle time): the next falls back. */
const DOWNLOAD_TRIES = 2;

const isStall = (error: unknown) => error instanceof Error && error.name === 'TimeoutError';

/**
 * Streams the archive from codeload through gunzip and untar. A second try reads again only what the
 * first did not: the selector decides every path once.
 */
async function download(location: string, selector: RepoFileSelector, deps: ArchiveDeps): Promise<void> {
  const answer = await deps.fetch(location, { signal: deps.signal });
  if (!answer.ok || !answer.body) throw new ArchiveError(`archive download answered ${answer.status}`);
  await pipeline(
    Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream),
    byteLimit(
      deps.maxArchiveBytes,
      () => new ArchiveError(`archive larger than ${mb(deps.maxArchiveBytes)}`),
    ),
    zlib.createGunzip(),
    byteLimit(
      deps.caps.maxInflatedBytes,
      () =>
        new ArchiveCapError(
          'archive_too_large',
          `the archive unpacks to more than ${mb(deps.caps.maxInflatedBytes)} (github.maxInflatedMb)`,
        ),
    ),
    untar(selector, deps.caps.maxEntries),
    { signal: deps.signal },
  );
}
