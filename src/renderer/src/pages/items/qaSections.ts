/** A piece of Q&A text: prose, or a fenced code block with its language. */
export type QaBlock = { kind: 'text'; text: string } | { kind: 'code'; code: string; language?: string };

export type QaSections = { question: QaBlock[]; answer: QaBlock[] };

/** Splits text at ``` fences into prose and code blocks. */
export function qaBlocks(text: string): QaBlock[] {
  const blocks: QaBlock[] = [];
  const fence = /^```([\w+#.-]*)\n([\s\S]*?)^```\s*$/gm;
  let last = 0;
  for (const m of text.matchAll(fence)) {
    const before = text.slice(last, m.index).trim();
    if (before) blocks.push({ kind: 'text', text: before });
    blocks.push({ kind: 'code', code: m[2], language: m[1] || undefined });
    last = m.index + m[0].length;
  }
  const rest = text.slice(last).trim();
  if (rest) blocks.push({ kind: 'text', text: rest });
  return blocks;
}

/** The collector's layout: "Title: …\n\nQuestion:\n…\n\nAnswer:\n…". */
export function qaSections(content: string): QaSections {
  const body = content.replace(/^Title: .*\n+/, '');
  const at = body.indexOf('\nAnswer:\n');
  const question = (at < 0 ? body : body.slice(0, at)).replace(/^Question:\n/, '');
  const answer = at < 0 ? '' : body.slice(at + '\nAnswer:\n'.length);
  return { question: qaBlocks(question), answer: qaBlocks(answer) };
}
