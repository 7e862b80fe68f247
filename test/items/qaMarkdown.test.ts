import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { htmlAsText } from '../../src/renderer/src/pages/items/markdownText.ts';
import { qaSections } from '../../src/renderer/src/pages/items/qaSections.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

const render = (text: string) =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [htmlAsText] }, text));

describe('Q&A text as Markdown', () => {
  it('renders inline code, quotes, lists and fenced code the way the collector writes them', () => {
    const html = render(
      'Use `map()` here:\n\n> quoted from the docs\n\n- one\n- two\n\n```python\nprint(1)\n```',
    );
    expect(html).toContain('<code>map()</code>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code class="language-python">print(1)\n</code>');
    expect(html).not.toContain('`');
  });

  it('shows HTML in the text as text, never as markup', () => {
    const html = render('Why does <div onclick="x()">a</div> not center? <script>alert(1)</script>');
    expect(html).not.toContain('<div');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('qaSections', () => {
  it("splits the collected Q&A text into the question's and the answer's text", () => {
    const qa = makeItems(20, { seed: 2 }).find((i) => i.source === 'stackoverflow_qa')!;
    const { question, answer } = qaSections(qa.content);
    expect(question).toMatch(/^I am trying to/);
    expect(question).toContain('```');
    expect(question).not.toContain('Answer:');
    expect(answer).toMatch(/^The \w+ is/);
  });
});
