import picomatch from 'picomatch';
import type { GithubSettings, Language } from '../../../shared/settings.ts';
import { languageOfPath } from '../text/languages.ts';
import { readSourceText, type ContentRejection } from '../text/sourceQuality.ts';

export type SkipCode =
  'not_source' | 'not_included' | 'excluded_glob' | 'too_large' | ContentRejection | 'max_files';

export type PathVerdict = { keep: true; language: Language } | { keep: false; reason: SkipCode };

/**
 * The checks that need only a path and a size (so a rejected file is never read), in order:
 * a source file of a chosen language, the include globs (if any), the exclude globs, the size limit.
 */
export function pathFilter(
  settings: Pick<GithubSettings, 'languages' | 'includeGlobs' | 'excludeGlobs' | 'maxFileSizeKb'>,
) {
  const chosen = new Set<Language>(settings.languages);
  const options = { dot: true };
  const included = settings.includeGlobs.length ? picomatch(settings.includeGlobs, options) : () => true;
  const excluded = settings.excludeGlobs.length ? picomatch(settings.excludeGlobs, options) : () => false;
  const maxBytes = settings.maxFileSizeKb * 1024;
  return (path: string, size: number): PathVerdict => {
    const language = languageOfPath(path);
    if (!language || !chosen.has(language)) return { keep: false, reason: 'not_source' };
    if (!included(path)) return { keep: false, reason: 'not_included' };
    if (excluded(path)) return { keep: false, reason: 'excluded_glob' };
    if (size > maxBytes) return { keep: false, reason: 'too_large' };
    return { keep: true, language };
  };
}

export type ContentVerdict = { keep: true; text: string } | { keep: false; reason: SkipCode };

/** The checks on the bytes: binary (NUL, bad UTF-8), then minified or generated. */
export function contentFilter(bytes: Uint8Array): ContentVerdict {
  const read = readSourceText(bytes);
  return 'text' in read ? { keep: true, text: read.text } : { keep: false, reason: read.rejection };
}
