import type { DocFormat } from '../../../shared/items.ts';

const FORMATS: Record<string, DocFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.rst': 'restructuredtext',
  '.txt': 'text',
  '.text': 'text',
};
const NAMED = /^(readme|contributing)$/i;
const DOC_FOLDER = /^docs?$/i;

/**
 * The format of a documentation file, or undefined for any other path. Documentation is README and
 * CONTRIBUTING anywhere (Markdown, reStructuredText, text, or no extension), and any Markdown,
 * reStructuredText or text file under a docs/ (or doc/) folder.
 */
export function docFormatOf(path: string): DocFormat | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const format = dot > 0 ? FORMATS[name.slice(dot).toLowerCase()] : undefined;
  if (NAMED.test(stem)) return dot > 0 ? format : 'text';
  if (!format || slash < 0) return undefined;
  return path
    .slice(0, slash)
    .split('/')
    .some((folder) => DOC_FOLDER.test(folder))
    ? format
    : undefined;
}

/** Lines that are not blank. */
export const linesOfText = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length;
