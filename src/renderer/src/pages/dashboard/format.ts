import type { ItemCounts, SourceProgress } from '../../../../shared/collectorEvents.ts';

export const number = (n: number) => Math.round(n).toLocaleString('en-US');
export const rate = (n: number) => (n >= 100 ? number(n) : n.toFixed(1));

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

/** In the user's locale. */
export const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "0 new, 0 updated, 5,118 unchanged" (and duplicates when there are any). */
export function itemCounts(
  c: Pick<ItemCounts, 'inserted' | 'updated' | 'unchanged'> & { duplicates?: number },
): string {
  const parts = [
    `${number(c.inserted)} new`,
    `${number(c.updated)} updated`,
    `${number(c.unchanged)} unchanged`,
  ];
  if (c.duplicates) parts.push(`${number(c.duplicates)} duplicates`);
  return parts.join(', ');
}

/** "1 repository", "2 repositories", "1 error". */
export function counted(n: number, plural: string): string {
  const one = plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.replace(/s$/, '');
  return `${number(n)} ${n === 1 ? one : plural}`;
}

/** What a source did: "Read 1,706 questions: 0 new, 0 updated, 5,118 unchanged". */
export const whatItDid = (p: SourceProgress) => `Read ${counted(p.done, p.unit)}: ${itemCounts(p.items)}`;

/** An outcome ("completed with 1 source failed") as a sentence on its own: "Completed with 1 source failed." */
export const asSentence = (phrase: string) => `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
