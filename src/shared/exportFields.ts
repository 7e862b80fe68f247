/**
 * The metadata an export can carry, in groups a user can tell apart; an export request names the groups
 * to keep (all of them when it names none). The content, id, source, title and collection date are
 * always exported.
 */
export const EXPORT_FIELD_GROUPS = [
  {
    id: 'attribution',
    label: 'Licence and author (needed to attribute the text)',
    keys: ['license', 'author', 'authorUrl'],
  },
  {
    id: 'links',
    label: 'Links to the source',
    keys: ['repositoryUrl', 'fileUrl', 'url', 'answerUrl'],
  },
  {
    id: 'repository',
    label: 'Repository, path, branch and blob SHA',
    keys: ['repository', 'path', 'defaultBranch', 'blobSha'],
  },
  {
    id: 'language',
    label: 'Language, format and size',
    keys: ['language', 'format', 'linesOfCode', 'linesOfText', 'size'],
  },
  {
    id: 'structure',
    label: 'Imports, functions and classes',
    keys: ['imports', 'functions', 'classes', 'containsImports', 'containsFunctions', 'containsClasses'],
  },
  {
    id: 'scores',
    label: 'Stars, scores and views',
    keys: ['stars', 'questionScore', 'answerScore', 'totalScore', 'viewCount'],
  },
  {
    id: 'qa',
    label: 'Q&A details: site, question and answer ids, title, tags, accepted',
    keys: ['site', 'questionId', 'answerId', 'title', 'tags', 'accepted', 'hasCode'],
  },
  { id: 'dates', label: 'Dates (last push, question asked)', keys: ['lastModified', 'createdAt'] },
] as const;

export type ExportFieldGroup = (typeof EXPORT_FIELD_GROUPS)[number]['id'];
export const EXPORT_FIELD_GROUP_IDS = EXPORT_FIELD_GROUPS.map((g) => g.id) as [
  ExportFieldGroup,
  ...ExportFieldGroup[],
];

/** The metadata keys the chosen groups keep (every key when no choice was made). */
export function keptMetadataKeys(
  groups: readonly ExportFieldGroup[] | undefined,
): ReadonlySet<string> | null {
  if (!groups) return null;
  return new Set(EXPORT_FIELD_GROUPS.filter((g) => groups.includes(g.id)).flatMap((g) => g.keys));
}
