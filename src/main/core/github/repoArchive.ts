import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import type { GithubClient } from './githubClient.ts';
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
  maxArchiveBytes: number;
};

/** Fails the stream once more than `max` bytes went through. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(
        seen > max ? new ArchiveError(`archive larger than ${Math.round(max / 1024 ** 2)} MB`) : null,
        chunk,
      );
    },
  });
}

/** Feeds the tar parser and resolves when it has read the whole archive. */
function untar(selector: RepoFileSelector) {
  return async (chunks: AsyncIterable<Buffer>) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
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
    const done = new Promise<void>((resolve, reject) => {
      parser.on('end', resolve);
      parser.on('error', reject);
    });
    for await (const chunk of chunks) parser.write(chunk);
    parser.end();
    await done;
  };
}

/**
 * One API request per repository: GET /repos/{o}/{r}/tarball/{ref} answers 302 to codeload, whose
 * download is streamed through gunzip and untar; the selector sees every file and reads only those it
 * wants. API errors (401, 403, 404, limits) are thrown as Octokit RequestErrors; a broken download as
 * ArchiveError (or a zlib/tar error).
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
  const download = await deps.fetch(location, { signal: deps.signal });
  if (!download.ok || !download.body) throw new ArchiveError(`archive download answered ${download.status}`);
  await pipeline(
    Readable.fromWeb(download.body as import('node:stream/web').ReadableStream),
    byteLimit(deps.maxArchiveBytes),
    zlib.createGunzip(),
    untar(selector),
    { signal: deps.signal },
  );
}
