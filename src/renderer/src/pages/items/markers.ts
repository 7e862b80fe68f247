import { MATCH_END, MATCH_START } from '../../../../shared/itemsContract.ts';

/** Drops the first `count` visible characters of marked text, keeping a match that straddles the cut open. */
export function dropVisiblePrefix(text: string, count: number): string {
  let seen = 0;
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === MATCH_START) open = true;
    else if (ch === MATCH_END) open = false;
    else if (seen++ === count) return (open ? MATCH_START : '') + text.slice(i);
  }
  return '';
}
