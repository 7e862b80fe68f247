/**
 * Why an item was not kept, in plain words, by the reason code the collectors record (the Dashboard's
 * cards, the run page, the Items screen and the CLI all say it so). Unknown codes read as their words.
 */
const SKIP_REASON_WORDS: Record<string, string> = {
  not_source: 'not code in a chosen language',
  not_included: 'outside the include globs',
  excluded_glob: 'matches an exclude glob',
  too_large: 'larger than the maximum file size',
  empty_file: 'empty file',
  binary: 'binary file',
  minified: 'minified code',
  generated: 'generated code',
  max_files: 'past the files-per-repository limit',
  archive_failed: 'archive could not be read',
  archive_too_large: 'archive unpacks past the size cap',
  archive_too_many_entries: 'archive holds more entries than the cap',
  unchanged_repo: 'repository unchanged since it was read',
  unreadable_repository: 'repository object in the search answer unusable',
  repo_empty: 'empty repository',
  repo_not_found: 'repository gone',
  repo_forbidden: 'repository not accessible',
  repo_unavailable: 'repository unavailable for legal reasons',
  fetch_failed: 'could not be fetched',
  low_score_answer: 'answer score below the minimum',
  not_accepted: 'not the accepted answer',
  answer_limit: 'past the answers-per-question limit',
  no_body: 'question has no text',
  no_answers: 'question has no answers that qualify',
};

export function skipReasonWords(code: string): string {
  return SKIP_REASON_WORDS[code] ?? code.replace(/_/g, ' ');
}
