import type { GithubSettings } from '../../../shared/settings.ts';
import { contentFilter, pathFilter, type FileKind, type SkipCode } from './fileFilter.ts';
import { gitBlobSha, type RepoFile } from './githubItem.ts';

export type FileSink = {
  keep(file: RepoFile): void;
  skip(path: string, reason: SkipCode): void;
};

/**
 * Decides, file by file, what one repository contributes: path checks first (so a rejected file is
 * never read), then content checks, then the per-repository cap. Every path is decided once, so a
 * fallback after a broken archive does not count again what the archive already gave.
 */
export function createRepoFileSelector(settings: GithubSettings, sink: FileSink) {
  const byPath = pathFilter(settings);
  const decided = new Set<string>();
  const wanted = new Map<string, FileKind>();
  let kept = 0;
  return {
    /** Whether to read this file's content. */
    wants(path: string, size: number): boolean {
      if (decided.has(path)) return false;
      const verdict = byPath(path, size);
      if (!verdict.keep || kept >= settings.maxFilesPerRepo) {
        decided.add(path);
        sink.skip(path, verdict.keep ? 'max_files' : verdict.reason);
        return false;
      }
      wanted.set(path, verdict.kind);
      return true;
    },
    /** The content of a wanted file; `blobSha` when the API already gave it. */
    file(path: string, bytes: Uint8Array, blobSha?: string): void {
      const kind = wanted.get(path);
      if (!kind || decided.has(path)) return;
      decided.add(path);
      const verdict = contentFilter(bytes, kind);
      if (!verdict.keep) return sink.skip(path, verdict.reason);
      if (kept >= settings.maxFilesPerRepo) return sink.skip(path, 'max_files');
      kept++;
      sink.keep({
        path,
        text: verdict.text,
        size: bytes.length,
        blobSha: blobSha ?? gitBlobSha(bytes),
        ...kind,
      });
    },
    kept: () => kept,
  };
}

export type RepoFileSelector = ReturnType<typeof createRepoFileSelector>;
