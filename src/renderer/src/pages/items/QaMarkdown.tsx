import { Anchor, Code } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';
import { api } from '../../hooks/api.ts';
import { CodeView } from './CodeView.tsx';
import { htmlAsText } from './markdownText.ts';

/** The parts of a rendered (hast) node read here. */
type HtmlNode = { type: string; value?: string; properties?: { className?: unknown }; children?: HtmlNode[] };

const textOf = (node: HtmlNode): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

/** The language a fenced block was marked with (```python → class "language-python"), if any. */
function fenceLanguage(code: HtmlNode | undefined): string | undefined {
  const classes = code?.properties?.className;
  const names = Array.isArray(classes) ? classes.map(String) : [];
  return names.find((c) => c.startsWith('language-'))?.slice('language-'.length);
}

function components(fallbackLanguage: string | undefined): Components {
  return {
    // A fenced block is <pre><code class="language-x">…</code></pre>: the code view shows it.
    pre: ({ node }) => {
      const code = (node as HtmlNode | undefined)?.children?.find((c) => c.type === 'element');
      return (
        <CodeView
          code={code ? textOf(code) : ''}
          language={fenceLanguage(code) ?? fallbackLanguage}
          label="Code block"
        />
      );
    },
    code: ({ children }) => <Code className="qa-inline-code">{children}</Code>,
    a: ({ href, children }) =>
      href && /^https?:\/\//i.test(href) ? (
        <Anchor
          href={href}
          onClick={(e) => {
            e.preventDefault();
            void api.openItemUrl(href);
          }}
        >
          {children}
        </Anchor>
      ) : (
        <>{children}</>
      ),
    img: ({ alt }) => <>{alt}</>,
  };
}

/**
 * Question or answer text as the collector keeps it (Markdown-like: fenced code, `inline code`, "> "
 * quotes, "- " lists) rendered as formatted text. HTML in the text is shown as text, never as markup.
 */
export function QaMarkdown(props: { text: string; fallbackLanguage?: string }) {
  return (
    <div className="qa-markdown">
      <Markdown remarkPlugins={[htmlAsText]} components={components(props.fallbackLanguage)}>
        {props.text}
      </Markdown>
    </div>
  );
}
