import { z } from 'zod';
import type { Logger } from '../logging/logger.ts';
import type { GithubClient } from './githubClient.ts';
import { tooManyEntries } from './archiveCaps.ts';
import type { RepoFileSelector } from './repoFileSelector.ts';

/** An API answer that reads but cannot be used (a blob in an encoding other than base64). */
export class MalformedAnswerError extends Error {
  override name = 'MalformedAnswerError';
}

const treeSchema = z.object({
  truncated: z.boolean().optional(),
  tree: z.array(
    z.object({ path: z.string(), type: z.string(), sha: z.string(), size: z.number().optional() }),
  ),
});
const blobSchema = z.object({ content: z.string(), encoding: z.string() });

export type TreeDeps = { client: GithubClient; signal: AbortSignal; log: Logger; maxEntries: number };

/**
 * The fallback when the archive fails: the recursive tree (1 request), then one blob request per file
 * that passes the path and size checks, until the per-repository cap.
 */
export async function readRepoTree(
  repo: { owner: string; name: string; ref: string },
  selector: RepoFileSelector,
  deps: TreeDeps,
): Promise<void> {
  const answer = await deps.client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner: repo.owner,
    repo: repo.name,
    tree_sha: repo.ref,
    recursive: '1',
    request: { signal: deps.signal, readable: (data) => treeSchema.safeParse(data).success },
  });
  // The client tried it again until readable, or threw.
  const tree = treeSchema.parse(answer.data);
  if (tree.tree.length > deps.maxEntries) throw tooManyEntries(deps.maxEntries);
  if (tree.truncated)
    deps.log.warn('GitHub truncated the tree; collecting the part it gave', {
      repo: `${repo.owner}/${repo.name}`,
    });
  for (const entry of tree.tree) {
    if (deps.signal.aborted) return;
    if (entry.type !== 'blob' || !selector.wants(entry.path, entry.size ?? 0)) continue;
    const blob = await deps.client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      owner: repo.owner,
      repo: repo.name,
      file_sha: entry.sha,
      request: { signal: deps.signal, readable: (data) => blobSchema.safeParse(data).success },
    });
    const parsed = blobSchema.parse(blob.data);
    if (parsed.encoding !== 'base64') {
      throw new MalformedAnswerError(
        `blob ${entry.path} of ${repo.owner}/${repo.name} in an unknown encoding (${parsed.encoding})`,
      );
    }
    selector.file(entry.path, Buffer.from(parsed.content, 'base64'), entry.sha);
  }
}
