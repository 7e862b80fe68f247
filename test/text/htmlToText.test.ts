import { describe, expect, it } from 'vitest';
import { decodeHtmlText, htmlToText } from '../../src/main/core/text/htmlToText.ts';
import { deeplyNested } from '../fakes/stackexchange/generatedSite.ts';

// Bodies shaped like the API's rendered HTML (safe filter: entities escaped, code in <pre><code>).
const QUESTION = `<p>I call <code>df.loc[0]</code> &amp; get a <code>Series&lt;int&gt;</code>, but it isn&#39;t &quot;right&quot;:</p>

<pre class="lang-py prettyprint-override"><code>import pandas as pd
df = pd.DataFrame({&quot;a&quot;: [1, 2]})

if len(df) &lt; 3 and df.a[0] != 2:
    print(df.iloc[0])   # keeps    spacing
</code></pre>

<p>Things I tried:</p>
<ul>
<li>the <a href="https://pandas.pydata.org/docs/" rel="nofollow noreferrer">pandas docs</a></li>
<li>a loop:
<ol>
<li>first pass</li>
<li>second pass</li>
</ol></li>
</ul>
<p><a href="https://i.sstatic.net/abc.png" rel="nofollow noreferrer"><img src="https://i.sstatic.net/abc.png" alt="traceback screenshot"></a></p>`;

describe('htmlToText', () => {
  const text = htmlToText(QUESTION, { baseUrl: 'https://stackoverflow.com' });

  it('keeps code blocks as fenced code with their whitespace, language and decoded entities', () => {
    expect(text).toContain(
      '```py\nimport pandas as pd\ndf = pd.DataFrame({"a": [1, 2]})\n\nif len(df) < 3 and df.a[0] != 2:\n    print(df.iloc[0])   # keeps    spacing\n```',
    );
  });

  it('puts inline code in backticks and decodes entities in prose', () => {
    expect(text).toContain('I call `df.loc[0]` & get a `Series<int>`, but it isn\'t "right":');
  });

  it('renders nested lists with their structure', () => {
    expect(text).toMatch(
      /- the pandas docs \(https:\/\/pandas\.pydata\.org\/docs\/\)\n- a loop:\n\s+1\. first pass\n\s+2\. second pass/,
    );
  });

  it('shows images as their alt text, without the image URL', () => {
    expect(text).toContain('traceback screenshot');
    expect(text).not.toContain('abc.png');
  });

  it('writes links as "text (url)", makes site links absolute and does not repeat a bare URL', () => {
    const out = htmlToText(
      '<p>See <a href="/questions/123/foo">this question</a>, <a href="https://x.org">https://x.org</a> and <a href="#note">below</a>.</p>',
      { baseUrl: 'https://stackoverflow.com' },
    );
    expect(out).toBe(
      'See this question (https://stackoverflow.com/questions/123/foo), https://x.org and below.',
    );
  });

  it('uses a different fence when the code holds backticks, and double backticks for inline code with one', () => {
    const out = htmlToText('<pre><code>```md\n# title\n```\n</code></pre><p>Type <code>a`b</code></p>');
    expect(out).toBe('~~~\n```md\n# title\n```\n~~~\n\nType ``a`b``');
  });

  it('keeps struck-through text as ~~text~~, so a post that corrects itself reads as such', () => {
    expect(
      htmlToText('<p>Use <del>os.system</del> <s>popen</s> <strike>call</strike> subprocess.run</p>'),
    ).toBe('Use ~~os.system~~ ~~popen~~ ~~call~~ subprocess.run');
    expect(htmlToText('<p><del><code>f(x)</code> is fine</del> (it is not)</p>')).toBe(
      '~~`f(x)` is fine~~ (it is not)',
    );
  });

  it.each([
    ['lists 1,000 levels deep', deeplyNested('list', 1000)],
    ['lists 5,000 levels deep', deeplyNested('list', 5000)],
    ['6,000 nested divs (a 27 KB answer)', deeplyNested('div', 6000)],
    ['20,000 nested quotes', deeplyNested('blockquote', 20_000)],
  ])('keeps every word of %s instead of overflowing the stack', (_, html) => {
    const out = htmlToText(`${html}<pre><code>print(1)\n</code></pre>`);
    expect(out).toMatch(/^Nested answer:/);
    expect(out).toContain('the text at the bottom');
    expect(out).toContain('```\nprint(1)\n```');
    // Flattened levels are not indented or prefixed a thousand times over.
    expect(out.length).toBeLessThan(2_000);
  });

  it('keeps the blocks of a flattened part apart', () => {
    const html = `${'<div>'.repeat(300)}<p>first</p><p>second</p><ul><li>one</li><li>two</li></ul>${'</div>'.repeat(300)}`;
    expect(htmlToText(html).split(/\n+/)).toEqual(['first', 'second', 'one', 'two']);
  });

  it('keeps headings as written and quotes with a marker', () => {
    expect(htmlToText('<h2>Update</h2><blockquote><p>quoted &amp; kept</p></blockquote>')).toMatch(
      /^Update\n\n> quoted & kept$/,
    );
  });
});

describe('decodeHtmlText', () => {
  it('decodes a title without treating it as markup', () => {
    expect(decodeHtmlText('Why does &quot;&lt;T&gt;&quot; fail in C&#39;s &amp; C++?')).toBe(
      'Why does "<T>" fail in C\'s & C++?',
    );
    expect(decodeHtmlText('J&#246;rg W Mittag')).toBe('Jörg W Mittag');
  });
});
