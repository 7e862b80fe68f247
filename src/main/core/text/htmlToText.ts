import { compile, type DomNode, type FormatCallback } from 'html-to-text';
import { flattenDeepNesting } from './flattenNesting.ts';

/** The text inside a node, whitespace kept (entities are already decoded by the parser). */
function rawText(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'tag' && node.name === 'br') return '\n';
  return (node.children ?? []).map(rawText).join('');
}

/** Stack Overflow marks a block's language as `<pre class="lang-py ...">`. */
function fenceLanguage(elem: DomNode): string {
  const classes = `${elem.attribs?.class ?? ''} ${elem.children?.find((c) => c.name === 'code')?.attribs?.class ?? ''}`;
  return /(?:^|\s)lang(?:uage)?-([\w+#-]+)/.exec(classes)?.[1] ?? '';
}

const fencedCode: FormatCallback = (elem, _walk, builder) => {
  const code = rawText(elem).replace(/\n+$/, '');
  const fence = code.includes('```') ? '~~~' : '```';
  builder.openBlock({ isPre: true, leadingLineBreaks: 2 });
  builder.addLiteral(`${fence}${fenceLanguage(elem)}\n${code}\n${fence}`);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const inlineCode: FormatCallback = (elem, _walk, builder) => {
  const code = rawText(elem);
  const ticks = code.includes('`') ? '``' : '`';
  builder.addInline(`${ticks}${code}${ticks}`, { noWordTransform: true });
};

const altText: FormatCallback = (elem, _walk, builder) => {
  const alt = elem.attribs?.alt?.trim();
  if (alt) builder.addInline(alt, { noWordTransform: true });
};

/** "text (url)"; a link around an image (how the site embeds screenshots) is just the image's alt text. */
const link: FormatCallback = (elem, walk, builder, options) => {
  const href = elem.attribs?.href ?? '';
  const onlyImage = (elem.children ?? []).every((c) =>
    c.type === 'tag' ? c.name === 'img' : !c.data?.trim(),
  );
  walk(elem.children, builder);
  if (!href || href.startsWith('#') || onlyImage) return;
  let url = href;
  try {
    url = new URL(href, options.baseUrl ?? undefined).href;
  } catch {
    // A relative link without a base stays as written.
  }
  const text = rawText(elem).trim();
  if (text !== href && text !== url) builder.addInline(` (${url})`, { noWordTransform: true });
};

/** `~~text~~`: an answer that strikes out its first advice must not read as giving both. */
const strikethrough: FormatCallback = (elem, walk, builder) => {
  builder.addInline('~~', { noWordTransform: true });
  walk(elem.children, builder);
  builder.addInline('~~', { noWordTransform: true });
};

function converter(baseUrl: string | undefined) {
  return compile({
    wordwrap: false,
    formatters: { fencedCode, inlineCode, altText, link, strikethrough },
    selectors: [
      ...['del', 's', 'strike'].map((tag) => ({ selector: tag, format: 'strikethrough' })),
      { selector: 'pre', format: 'fencedCode' },
      { selector: 'code', format: 'inlineCode' },
      { selector: 'img', format: 'altText' },
      { selector: 'a', format: 'link', options: { baseUrl } },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
      { selector: 'hr', format: 'blockString', options: { string: '---' } },
    ],
  });
}

const converters = new Map<string, (html: string) => string>();

/**
 * Turns a Stack Exchange post body (rendered HTML) into plain text a model reads well: code blocks as
 * fenced code, inline code in backticks, lists, links as "text (url)", images as their alt text,
 * struck-through text as ~~text~~. `baseUrl` makes site-relative links absolute (e.g.
 * "https://stackoverflow.com"). Nesting deeper than html-to-text's recursion can take is flattened first,
 * keeping the text.
 */
export function htmlToText(html: string, options: { baseUrl?: string } = {}): string {
  const key = options.baseUrl ?? '';
  let convert = converters.get(key);
  if (!convert) {
    convert = converter(options.baseUrl);
    converters.set(key, convert);
  }
  return convert(flattenDeepNesting(html)).trim();
}

/** Decodes the entities of an HTML-escaped one-line string, e.g. a question title. */
export function decodeHtmlText(text: string): string {
  return htmlToText(text.replace(/</g, '&lt;'));
}
