import picomatch from 'picomatch';
import type { DocFormat } from '../../../shared/items.ts';
import type { GithubSettings, Language } from '../../../shared/settings.ts';
import { languageOfPath } from '../text/languages.ts';
import { readSourceText, type ContentRejection } from '../text/sourceQuality.ts';
import { docFormatOf } from './docFiles.ts';

export type SkipCode =
  | 'not_source'
  | 'not_included'
  | 'excluded_glob'
  | 'too_large'
  | 'empty_file'
  | ContentRejection
  | 'max_files';

/** What a kept file is: source code of a language, or documentation in a format. */
export type FileKind = { language: Language } | { format: DocFormat };

export type PathVerdict = { keep: true; kind: FileKind } | { keep: false; reason: SkipCode };

/**
 * The checks that need only a path and a size (so a rejected file is never read), in order: a source
 * file of a chosen language (or, with includeDocs, a documentation file), the include globs (if any),
 * the exclude globs, the size limit, and empty (an empty `__init__.py` is no example of anything, and its
 * copies in other repositories would read as duplicates).
 */
export function pathFilter(
  settings: Pick<
    GithubSettings,
    'languages' | 'includeDocs' | 'includeGlobs' | 'excludeGlobs' | 'maxFileSizeKb'
  >,
) {
  const chosen = new Set<Language>(settings.languages);
  const options = { dot: true };
  const included = settings.includeGlobs.length ? picomatch(settings.includeGlobs, options) : () => true;
  const excluded = settings.excludeGlobs.length ? picomatch(settings.excludeGlobs, options) : () => false;
  const maxBytes = settings.maxFileSizeKb * 1024;
  const kindOf = (path: string): FileKind | undefined => {
    const language = languageOfPath(path);
    if (language) return chosen.has(language) ? { language } : undefined;
    const format = settings.includeDocs ? docFormatOf(path) : undefined;
    return format && { format };
  };
  return (path: string, size: number): PathVerdict => {
    const kind = kindOf(path);
    if (!kind) return { keep: false, reason: 'not_source' };
    if (!included(path)) return { keep: false, reason: 'not_included' };
    if (excluded(path)) return { keep: false, reason: 'excluded_glob' };
    if (size > maxBytes) return { keep: false, reason: 'too_large' };
    if (size === 0) return { keep: false, reason: 'empty_file' };
    return { keep: true, kind };
  };
}

export type ContentVerdict = { keep: true; text: string } | { keep: false; reason: SkipCode };

/** The checks on the bytes: binary (NUL, bad UTF-8), then minified (code only) or generated. */
export function contentFilter(bytes: Uint8Array, kind: FileKind): ContentVerdict {
  const read = readSourceText(bytes, { prose: 'format' in kind });
  return 'text' in read ? { keep: true, text: read.text } : { keep: false, reason: read.rejection };
}
