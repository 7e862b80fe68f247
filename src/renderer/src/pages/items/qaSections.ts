/** The question's and the answer's text of a Q&A item. */
export type QaSections = { question: string; answer: string };

/** The collector's layout: "Title: …\n\nQuestion:\n…\n\nAnswer:\n…". */
export function qaSections(content: string): QaSections {
  const body = content.replace(/^Title: .*\n+/, '');
  const at = body.indexOf('\nAnswer:\n');
  const question = (at < 0 ? body : body.slice(0, at)).replace(/^Question:\n/, '');
  const answer = at < 0 ? '' : body.slice(at + '\nAnswer:\n'.length);
  return { question: question.trim(), answer: answer.trim() };
}
