import type { CollectedItem, DocFormat } from '../../../shared/items.ts';
import { textFile, type ExportWriter } from './exportWriter.ts';

/** A fence longer than any run of backticks inside the text, so code never closes it early. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

const FORMAT_NAMES: Record<DocFormat, string> = {
  markdown: 'Markdown',
  restructuredtext: 'reStructuredText',
  text: 'plain text',
};
const FENCE_LANGUAGES: Record<DocFormat, string> = {
  markdown: 'markdown',
  restructuredtext: 'rst',
  text: 'text',
};

function section(item: CollectedItem): string {
  const lines = [`## ${item.title}`, ''];
  if (item.source === 'github_code') {
    const m = item.metadata;
    lines.push(
      `- Repository: [${m.repository}](${m.repositoryUrl}) (${m.stars.toLocaleString('en-US')} stars)`,
      `- File: [${m.path}](${m.fileUrl})`,
      `- Language: ${m.language}, ${m.linesOfCode} lines of code`,
      `- License: ${m.license ?? 'none given'}`,
      '',
    );
    const fence = fenceFor(item.content);
    lines.push(`${fence}${m.language}`, item.content.replace(/\n$/, ''), fence);
  } else if (item.source === 'github_doc') {
    const m = item.metadata;
    lines.push(
      `- Repository: [${m.repository}](${m.repositoryUrl}) (${m.stars.toLocaleString('en-US')} stars)`,
      `- File: [${m.path}](${m.fileUrl}), ${FORMAT_NAMES[m.format]}`,
      `- License: ${m.license ?? 'none given'}`,
      '',
    );
    // Fenced, so its headings stay inside this section.
    const fence = fenceFor(item.content);
    lines.push(`${fence}${FENCE_LANGUAGES[m.format]}`, item.content.replace(/\n$/, ''), fence);
  } else {
    const m = item.metadata;
    lines.push(
      `- Question: [${m.questionId}](${m.url}), score ${m.questionScore}; answer [${m.answerId}](${m.answerUrl}), score ${m.answerScore}${m.accepted ? ', accepted' : ''}`,
      `- Tags: ${m.tags.join(', ')}`,
      `- Author: ${m.author} — ${m.license}`,
      '',
      // The content already holds the question and answer with their code fenced.
      item.content.replace(/^Title: .*\n\n/, ''),
    );
  }
  return `${lines.join('\n')}\n\n---\n\n`;
}

/** One readable document: a heading, the metadata and the content of every item. */
export function markdownWriter(file: string): ExportWriter {
  const out = textFile(file);
  let started = false;
  const start = async () => {
    if (!started) await out.write('# Code Helper Ingest export\n\n');
    started = true;
  };
  return {
    async write(item) {
      await start();
      await out.write(section(item));
    },
    async finish() {
      await start();
      await out.end();
    },
    abort: () => out.destroy(),
  };
}
