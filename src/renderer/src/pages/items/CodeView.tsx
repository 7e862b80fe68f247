import { Button, Group, Text } from '@mantine/core';
import { WrapText } from 'lucide-react';
import { useMemo, useState } from 'react';
import { languageLabel } from '../../../../shared/itemLabels.ts';
import { CopyTextButton } from './CopyTextButton.tsx';
import { highlightCode } from './highlight.ts';

/**
 * Code with line numbers in a gutter and highlight.js colours, a button that wraps long lines (the
 * gutter steps aside then: wrapped lines no longer match its numbers) and one that copies the code.
 */
export function CodeView(props: { code: string; language?: string; label?: string }) {
  const [wrap, setWrap] = useState(false);
  const code = props.code.replace(/\n$/, '');
  const html = useMemo(() => highlightCode(code, props.language), [code, props.language]);
  const lineCount = code.split('\n').length;
  const numbers = useMemo(() => Array.from({ length: lineCount }, (_, i) => i + 1).join('\n'), [lineCount]);
  return (
    <div className="code-block">
      <Group className="code-toolbar" gap={4} justify="space-between" wrap="nowrap">
        <Text span size="xs" className="item-dim">
          {props.language ? languageLabel(props.language) : 'Code'} · {lineCount.toLocaleString()} line
          {lineCount === 1 ? '' : 's'}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<WrapText size={12} />}
            aria-pressed={wrap}
            onClick={() => setWrap((w) => !w)}
          >
            Wrap lines
          </Button>
          <CopyTextButton value={code} label="Copy code" size="compact-xs" variant="subtle" />
        </Group>
      </Group>
      <div
        className={`code-view${wrap ? ' wrapped' : ''}`}
        role="region"
        aria-label={props.label ?? 'Code'}
        tabIndex={0}
        data-testid="code-view"
      >
        {!wrap && (
          <pre className="code-gutter" aria-hidden="true">
            {numbers}
          </pre>
        )}
        <pre className="code-body">
          {html === null ? (
            <code className="hljs">{code}</code>
          ) : (
            // highlight.js output: the code escaped, wrapped in its own spans.
            <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </pre>
      </div>
    </div>
  );
}
