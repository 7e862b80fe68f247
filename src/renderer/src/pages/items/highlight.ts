// Only the core and the six collected languages, to keep the bundle small.
import hljs from 'highlight.js/lib/core';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import typescript from 'highlight.js/lib/languages/typescript';
import 'highlight.js/styles/github-dark.css';

hljs.registerLanguage('python', python);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('java', java);
hljs.registerLanguage('go', go);
hljs.registerLanguage('rust', rust);

/** Past this size highlighting costs more than it helps; the code is shown plain. */
const MAX_HIGHLIGHT_CHARS = 200_000;

/**
 * Highlighted HTML for code, or null when the language is unknown or the code too large. highlight.js
 * escapes the code itself; only its own <span class="hljs-…"> tags are markup.
 */
export function highlightCode(code: string, language: string | undefined): string | null {
  const lang = language?.toLowerCase();
  if (!lang || !hljs.getLanguage(lang) || code.length > MAX_HIGHLIGHT_CHARS) return null;
  return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
}
