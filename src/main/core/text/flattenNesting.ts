import { Parser } from 'htmlparser2';

/** Elements kept down to this depth; html-to-text walks the tree recursively, one stack frame set a level. */
const MAX_DEPTH = 64;
/** Inline markup (code, links, emphasis) is kept a little deeper, so code in a deep list stays code. */
const INLINE_ROOM = 16;
const INLINE = new Set(
  'a abbr b br cite code del em i img ins kbd mark pre q s samp small span strike strong sub sup u var'.split(
    ' ',
  ),
);
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

const attributes = (attribs: Record<string, string>) =>
  Object.entries(attribs)
    .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
    .join('');

/**
 * The same HTML with the elements below MAX_DEPTH unwrapped: their text stays, in order, and a dropped
 * block ends its line, so a post nested thousands of levels deep (lists, divs, quotes) converts instead of
 * overflowing the stack. Returns the input untouched when it is not that deep. htmlparser2's parser is a
 * state machine (no recursion), so it reads any depth.
 */
export function flattenDeepNesting(html: string): string {
  // Fewer tags than levels allowed: it cannot be too deep (most posts end here).
  if (html.split('<', MAX_DEPTH + 1).length <= MAX_DEPTH) return html;
  const out: string[] = [];
  /** Per open element: whether its tags were kept. */
  const open: boolean[] = [];
  let kept = 0;
  let deepest = 0;
  let textSinceBreak = false;
  const lineBreak = () => {
    if (textSinceBreak) out.push('<br>');
    textSinceBreak = false;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const keep = kept < (INLINE.has(name) ? MAX_DEPTH + INLINE_ROOM : MAX_DEPTH);
        open.push(keep);
        deepest = Math.max(deepest, open.length);
        if (keep) {
          if (!VOID.has(name)) kept++;
          out.push(`<${name}${attributes(attribs)}>`);
        } else if (!INLINE.has(name)) lineBreak();
      },
      ontext(text) {
        out.push(text);
        if (text.trim()) textSinceBreak = true;
      },
      onclosetag(name) {
        const keep = open.pop();
        if (keep && !VOID.has(name)) {
          kept--;
          out.push(`</${name}>`);
        } else if (!keep && !INLINE.has(name)) lineBreak();
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return deepest > MAX_DEPTH ? out.join('') : html;
}
