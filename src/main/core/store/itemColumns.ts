import type { CollectedItem } from '../../../shared/items.ts';
import { LANGUAGES } from '../../../shared/settings.ts';

/** The metadata the Items screen filters, sorts and counts by, as plain indexed columns. */
export type ItemColumns = {
  language: string | null;
  repository: string | null;
  score: number | null;
  lines: number | null;
  license: string | null;
  accepted: number | null;
  created: string | null;
  tags: string[];
};

const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(LANGUAGES);

export function itemColumns(item: CollectedItem): ItemColumns {
  if (item.source === 'github_code' || item.source === 'github_doc') {
    const m = item.metadata;
    const code = item.source === 'github_code';
    return {
      language: code ? item.metadata.language : null,
      repository: m.repository,
      score: m.stars,
      lines: code ? item.metadata.linesOfCode : item.metadata.linesOfText,
      license: m.license,
      accepted: null,
      created: m.lastModified || null,
      tags: [],
    };
  }
  const m = item.metadata;
  return {
    // A question tagged with a language counts under that language too.
    language: m.tags.find((t) => KNOWN_LANGUAGES.has(t)) ?? null,
    repository: null,
    score: m.totalScore,
    lines: item.content.split('\n').length,
    license: m.license,
    accepted: m.accepted ? 1 : 0,
    created: m.createdAt || null,
    tags: m.tags,
  };
}
