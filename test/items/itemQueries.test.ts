import { beforeAll, describe, expect, it } from 'vitest';
import {
  MATCH_END,
  MATCH_START,
  itemQuerySchema,
  type ItemQueryInput,
} from '../../src/shared/itemsContract.ts';
import type { CollectedItem } from '../../src/shared/items.ts';
import { itemFacets } from '../../src/main/core/store/itemFacets.ts';
import { listItems } from '../../src/main/core/store/listItems.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

let db: Database;
let items: CollectedItem[];
const q = (input: ItemQueryInput) => itemQuerySchema.parse(input);
const all = (input: ItemQueryInput) => listItems(db, q(input), { offset: 0, limit: 500 });

beforeAll(() => {
  db = openDatabase(':memory:');
  items = makeItems(400, { seed: 7 });
  upsertItems(db, items);
});

describe('listItems', () => {
  it('pages through everything, newest first by default, without content', () => {
    const first = listItems(db, q({}), { offset: 0, limit: 50 });
    const second = listItems(db, q({}), { offset: 50, limit: 50 });
    expect(first.total).toBe(400);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].id).toBe(items[399].id);
    expect(second.rows[0].id).toBe(items[349].id);
    expect(first.rows[0]).not.toHaveProperty('content');
  });

  it('finds words in the content and highlights them in the snippet', () => {
    const word = 'serialize';
    // unicode61 splits words at anything that is not a letter or digit, underscores included.
    const asWord = /(^|[^\p{L}\p{N}])serialize([^\p{L}\p{N}]|$)/iu;
    const expected = items.filter((i) => asWord.test(`${i.title} ${i.content}`)).length;
    const page = all({ text: `${word} ` });
    expect(page.total).toBe(expected);
    expect(page.total).toBeGreaterThan(0);
    for (const row of page.rows)
      expect(`${row.snippet} ${row.titleHighlight}`.toLowerCase()).toContain(
        `${MATCH_START}${word}${MATCH_END}`,
      );
  });

  it('matches the last word as a prefix and the path too', () => {
    const item = items.find((i) => i.source === 'github_code')!;
    const stem = item.title.split('/').pop()!.split('.')[0];
    const page = all({ text: stem.slice(0, -2) });
    expect(page.rows.map((r) => r.id)).toContain(item.id);
    expect(page.rows.find((r) => r.id === item.id)!.titleHighlight).toContain(MATCH_START);
  });

  it("tells a question's answers apart: answer score, author, and the answer's start as snippet", () => {
    const rows = all({ filters: { source: ['stackoverflow_qa'] } }).rows;
    for (const row of rows.slice(0, 20)) {
      const item = items.find((i) => i.id === row.id)!;
      if (item.source !== 'stackoverflow_qa') throw new Error('not Q&A');
      expect(row.answerScore).toBe(item.metadata.answerScore);
      expect(row.author).toBe(item.metadata.author);
      const answer = item.content.split('\n\nAnswer:\n')[1];
      expect(row.snippet.slice(0, 20)).toBe(answer.trim().slice(0, 20));
    }
    const code = all({ filters: { source: ['github_code'] } }).rows[0];
    expect([code.answerScore, code.author]).toEqual([null, null]);
  });

  it('finds titles and paths from the first letter typed, and never a false "no match"', () => {
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const titled = (prefix: string) =>
      items.filter((i) =>
        words(`${i.title} ${i.source === 'github_code' ? i.metadata.path : ''}`).some((w) =>
          w.startsWith(prefix),
        ),
      );
    for (const text of ['s', 'se', 'h', 'ho']) {
      const page = all({ text, sort: { column: 'relevance', direction: 'asc' } });
      expect(page.total, text).toBe(titled(text).length);
      expect(page.total, text).toBeGreaterThan(0);
      for (const row of page.rows.slice(0, 10)) expect(row.titleHighlight, text).toContain(MATCH_START);
      // Facets count the same items.
      const facets = itemFacets(db, q({ text }));
      expect(
        facets.source.reduce((n, f) => n + f.count, 0),
        text,
      ).toBe(page.total);
    }
    // A short word after whole words narrows them by title or path.
    const cache = all({ text: 'cache ' }).total;
    const cacheS = all({ text: 'cache s' });
    expect(cacheS.total).toBeGreaterThan(0);
    expect(cacheS.total).toBeLessThanOrEqual(cache);
    // Sorted by a column too.
    expect(all({ text: 'se', sort: { column: 'title', direction: 'asc' } }).total).toBe(titled('se').length);
  });

  it('survives FTS5 syntax in user text', () => {
    expect(() => all({ text: 'NOT "unclosed (paren AND * :' })).not.toThrow();
    expect(all({ text: '"""' }).total).toBe(400);
  });

  it('filters by each facet', () => {
    const code = items.filter((i) => i.source === 'github_code');
    const qa = items.filter((i) => i.source === 'stackoverflow_qa');
    expect(all({ filters: { source: ['github_code'] } }).total).toBe(code.length);
    expect(all({ filters: { language: ['rust'] } }).rows.every((r) => r.language === 'rust')).toBe(true);
    const repo = code[0].source === 'github_code' ? code[0].metadata.repository : '';
    const inRepo = code.filter((i) => i.source === 'github_code' && i.metadata.repository === repo).length;
    expect(all({ filters: { repository: [repo] } }).total).toBe(inRepo);
    const withTag = qa.filter((i) => i.source === 'stackoverflow_qa' && i.metadata.tags.includes('pandas'));
    expect(all({ filters: { tag: ['pandas'] } }).total).toBe(withTag.length);
    const accepted = qa.filter((i) => i.source === 'stackoverflow_qa' && i.metadata.accepted).length;
    expect(all({ filters: { accepted: true } }).total).toBe(accepted);
    expect(all({ filters: { accepted: false } }).total).toBe(qa.length - accepted);
    const mit = code.filter((i) => i.source === 'github_code' && i.metadata.license === 'MIT').length;
    expect(all({ filters: { license: ['MIT'] } }).total).toBe(mit);
    const rows = all({ filters: { minScore: 1000 } }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => (r.score ?? 0) >= 1000)).toBe(true);
  });

  it('combines search and filters', () => {
    const page = all({ text: 'return', filters: { language: ['go'], source: ['github_code'] } });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.language === 'go' && r.source === 'github_code')).toBe(true);
  });

  it('sorts by any column in both directions', () => {
    const byScore = all({ sort: { column: 'score', direction: 'desc' } }).rows.map(
      (r) => r.score ?? -Infinity,
    );
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
    const byTitle = all({ sort: { column: 'title', direction: 'asc' } }).rows.map((r) => r.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byLines = all({ sort: { column: 'lines', direction: 'asc' } }).rows.map((r) => r.lines ?? 0);
    expect(byLines).toEqual([...byLines].sort((a, b) => a - b));
  });
});

describe('itemFacets', () => {
  it('counts every facet value for the current query', () => {
    const facets = itemFacets(db, q({}));
    expect(facets.collectionTotal).toBe(400);
    expect(facets.source.reduce((n, f) => n + f.count, 0)).toBe(400);
    const go = facets.language.find((f) => f.value === 'go')!;
    expect(go.count).toBe(all({ filters: { language: ['go'] } }).total);
    const pandas = facets.tag.find((f) => f.value === 'pandas')!;
    expect(pandas.count).toBe(all({ filters: { tag: ['pandas'] } }).total);
    const yes = facets.accepted.find((f) => f.value === 'true')!;
    expect(yes.count).toBe(all({ filters: { accepted: true } }).total);
  });

  it("ignores a facet's own filter but applies the others", () => {
    const facets = itemFacets(db, q({ filters: { language: ['go'], source: ['github_code'] } }));
    const rust = facets.language.find((f) => f.value === 'rust')!;
    expect(rust.count).toBe(all({ filters: { language: ['rust'], source: ['github_code'] } }).total);
    const qa = facets.source.find((f) => f.value === 'stackoverflow_qa')!;
    expect(qa.count).toBe(all({ filters: { language: ['go'], source: ['stackoverflow_qa'] } }).total);
  });

  it('follows the search text', () => {
    const query = q({ text: 'borrow' });
    const total = listItems(db, query, { offset: 0, limit: 0 }).total;
    expect(itemFacets(db, query).source.reduce((n, f) => n + f.count, 0)).toBe(total);
  });
});
