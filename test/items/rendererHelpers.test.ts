import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../src/shared/itemsContract.ts';
import { dropVisiblePrefix } from '../../src/renderer/src/pages/items/markers.ts';
import { qaSections } from '../../src/renderer/src/pages/items/qaSections.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

describe('dropVisiblePrefix', () => {
  it('counts only visible characters and keeps a straddling match open', () => {
    expect(dropVisiblePrefix(`acme/api/src/${S}parse${E}.py`, 'acme/api/'.length)).toBe(
      `src/${S}parse${E}.py`,
    );
    expect(dropVisiblePrefix(`${S}acme${E}/x.py`, 2)).toBe(`${S}me${E}/x.py`);
  });
});

describe('qaSections', () => {
  it('splits the collected Q&A text into prose and fenced code', () => {
    const qa = makeItems(20, { seed: 2 }).find((i) => i.source === 'stackoverflow_qa')!;
    const { question, answer } = qaSections(qa.content);
    expect(question.map((b) => b.kind)).toEqual(['text', 'code', 'text']);
    expect(answer.map((b) => b.kind)).toEqual(['text', 'code', 'text']);
    const code = question[1];
    expect(code.kind === 'code' && code.language).toBe(
      qa.source === 'stackoverflow_qa' && qa.metadata.tags[0],
    );
    expect(question[0].kind === 'text' && question[0].text).toMatch(/^I am trying to/);
  });
});
