import crypto from 'node:crypto';
import type { CollectedItem } from '../../../shared/items.ts';
import { linesOfText } from './docFiles.ts';
import type { FileKind } from './fileFilter.ts';
import { codeStructure } from '../text/codeStructure.ts';
import { linesOfCode } from '../text/linesOfCode.ts';
import { maskCode } from '../text/maskCode.ts';
import type { Repo } from './repoObject.ts';
import { contentHashOf } from '../store/itemStore.ts';

/** A kept file: source code of a language, or documentation in a format. */
export type RepoFile = { path: string; text: string; size: number; blobSha: string } & FileKind;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** The git blob id of some content: sha1("blob <size>\0" + content). */
export function gitBlobSha(content: Uint8Array): string {
  return crypto.createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Stable across runs: the same repository and path always give the same id. */
export function githubItemId(repository: string, path: string): string {
  return `gh_${sha256(`${repository}\0${path}`).slice(0, 32)}`;
}

/** The web host of an API base: api.github.com → github.com; GitHub Enterprise https://HOST/api/v3 → https://HOST. */
export function webBaseOf(apiBase: string): string {
  const url = new URL(apiBase);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '')}`;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The item of a kept file: "github_code" with what the code holds, or "github_doc". */
export function toGithubItem(
  repo: Repo,
  file: RepoFile,
  webBase: string,
  collectedAt: string,
): CollectedItem {
  const repositoryUrl = `${webBase}/${repo.full_name}`;
  const spdx = repo.license?.spdx_id;
  const common = {
    id: githubItemId(repo.full_name, file.path),
    title: `${repo.full_name}/${file.path}`,
    content: file.text,
    contentHash: contentHashOf(file.text),
    collectedAt,
  };
  const where = {
    repository: repo.full_name,
    repositoryUrl,
    path: file.path,
    fileUrl: `${repositoryUrl}/blob/${encodeURIComponent(repo.default_branch)}/${encodePath(file.path)}`,
    size: file.size,
    blobSha: file.blobSha,
    lastModified: repo.pushed_at ?? '',
  };
  const fromRepo = {
    stars: repo.stargazers_count,
    defaultBranch: repo.default_branch,
    license: spdx && spdx !== 'NOASSERTION' ? spdx : null,
  };
  if ('format' in file) {
    return {
      ...common,
      source: 'github_doc',
      metadata: { ...where, ...fromRepo, format: file.format, linesOfText: linesOfText(file.text) },
    };
  }
  const masked = maskCode(file.text, file.language);
  const structure = codeStructure(file.text, file.language, masked);
  return {
    ...common,
    source: 'github_code',
    metadata: {
      ...where,
      language: file.language,
      linesOfCode: linesOfCode(masked),
      containsClasses: structure.classes.length > 0,
      containsFunctions: structure.functions.length > 0,
      containsImports: structure.imports.length > 0,
      imports: structure.imports,
      functions: structure.functions,
      classes: structure.classes,
      ...fromRepo,
    },
  };
}
