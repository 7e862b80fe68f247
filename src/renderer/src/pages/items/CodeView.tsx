import { useMemo } from 'react';
import { highlightCode } from './highlight.ts';

/** Code with line numbers in a gutter and highlight.js colours. */
export function CodeView(props: { code: string; language?: string; label?: string }) {
  const code = props.code.replace(/\n$/, '');
  const html = useMemo(() => highlightCode(code, props.language), [code, props.language]);
  const lineCount = code.split('\n').length;
  const numbers = useMemo(() => Array.from({ length: lineCount }, (_, i) => i + 1).join('\n'), [lineCount]);
  return (
    <div
      className="code-view"
      role="region"
      aria-label={props.label ?? 'Code'}
      tabIndex={0}
      data-testid="code-view"
    >
      <pre className="code-gutter" aria-hidden="true">
        {numbers}
      </pre>
      <pre className="code-body">
        {html === null ? (
          <code className="hljs">{code}</code>
        ) : (
          // highlight.js output: the code escaped, wrapped in its own spans.
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        )}
      </pre>
    </div>
  );
}
