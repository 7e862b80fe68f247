/**
 * A deterministic Stack Exchange site for the fake API: questions and answers shaped like the recordings in
 * shared/api-recordings/stackexchange (field names, owner objects, links), with HTML bodies like the real
 * rendered posts (code blocks, inline code, entities, nested lists, links, images).
 */
import { seededRandom } from '../seededRandom.ts';

export type FakeOwner = {
  user_id?: number;
  display_name: string;
  reputation?: number;
  user_type: 'registered' | 'unregistered' | 'does_not_exist';
  profile_image?: string;
  link?: string;
};

/**
 * Fields the API documents as "may be absent" are optional here and left out the way the API leaves them
 * out (owner of some posts, content_license on older filters and posts). Tests may also break any field
 * (delete it, null it, give it a wrong type) to play what real payloads do now and then.
 */
export type FakeAnswer = {
  answer_id: number;
  question_id: number;
  score: number;
  is_accepted: boolean;
  creation_date: number;
  last_activity_date: number;
  owner?: FakeOwner;
  content_license?: string;
  body?: string | null;
};

export type FakeQuestion = {
  question_id: number;
  title?: string | null;
  tags: string[];
  score: number;
  answer_count: number;
  accepted_answer_id?: number;
  is_answered: boolean;
  view_count: number;
  creation_date: number;
  last_activity_date: number;
  owner?: FakeOwner;
  link?: string;
  content_license?: string;
  body?: string | null;
  answers: FakeAnswer[];
};

export type GeneratedSiteOptions = {
  questions?: number;
  seed?: number;
  tags?: string[];
  host?: string;
  /** Each question gets Binomial(10, p) answers: mean 10·p, between 0 and 10. */
  answerProbability?: number;
  /** Share of questions with an empty body (deleted or migrated posts come back like that). */
  emptyBodyShare?: number;
};

export type GeneratedSite = {
  host: string;
  /** Sorted by score, highest first (the order of sort=votes&order=desc). */
  questions: FakeQuestion[];
  byId: Map<number, FakeQuestion>;
  answerCount: number;
};

export const DEFAULT_TAGS = ['python', 'pandas', 'javascript', 'typescript', 'node.js', 'c#', 'sql', 'regex'];

/** Stack Exchange's licence schedule: posts take the licence in force when they were written. */
function licenseAt(epochSeconds: number): string {
  if (epochSeconds < Date.UTC(2011, 3, 8) / 1000) return 'CC BY-SA 2.5';
  if (epochSeconds < Date.UTC(2018, 4, 2) / 1000) return 'CC BY-SA 3.0';
  return 'CC BY-SA 4.0';
}

const NAMES = [
  'Kay',
  'Sal',
  'Pratyush',
  'Rich Peck',
  'Jakub Oboza',
  'Zach Hale',
  'Aaron',
  'J&#246;rg W Mittag',
  'Se&#225;n O&#39;Brien',
  'user&amp;co',
];
const VERBS = [
  'sort',
  'merge',
  'parse',
  'filter',
  'group',
  'serialize',
  'cache',
  'stream',
  'validate',
  'index',
];
const THINGS = [
  'a DataFrame',
  'nested lists',
  'JSON &quot;null&quot; values',
  'a Map&lt;string, number&gt;',
  'dates',
  'rows',
  'async results',
  'a CSV file',
];

function owners(rand: () => number, host: string): FakeOwner[] {
  return Array.from({ length: 200 }, (_, i) => {
    if (i % 25 === 24) return { display_name: `user${1000 + i}`, user_type: 'does_not_exist' as const };
    const id = 100_000 + i * 7919;
    const name = `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${i}` : ''}`;
    return {
      user_id: id,
      display_name: name,
      reputation: Math.floor(rand() * 500_000),
      user_type: 'registered' as const,
      profile_image: `https://www.gravatar.com/avatar/${id.toString(16)}?s=128&d=identicon&r=PG`,
      link: `https://${host}/users/${id}/user-${i}`,
    };
  });
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function questionBody(rand: () => number, n: number, thing: string): string {
  const parts = [
    `<p>I want to ${pick(rand, VERBS)} ${thing} with <code>fn_${n}()</code> &amp; keep the order, but it isn&#39;t working:</p>`,
    `<pre class="lang-py prettyprint-override"><code>def fn_${n}(items):\n    if len(items) &lt; 2 and items[0] != &quot;x&quot;:\n        return [i for i in items if i &gt; 0]\n\n    return items\n</code></pre>`,
  ];
  if (rand() < 0.5) parts.push(`<p>The error is <code>TypeError: &#39;NoneType&#39; object</code>.</p>`);
  if (rand() < 0.4)
    parts.push(
      `<ul>\n<li>Tried <a href="https://docs.python.org/3/library/functions.html#sorted">sorted()</a></li>\n<li>Tried a loop:\n<ol>\n<li>first pass</li>\n<li>second pass</li>\n</ol></li>\n</ul>`,
    );
  if (rand() < 0.2)
    parts.push(
      `<p><a href="https://i.sstatic.net/q${n}.png" rel="nofollow noreferrer"><img src="https://i.sstatic.net/q${n}.png" alt="screenshot of the traceback"></a></p>`,
    );
  return parts.join('\n\n');
}

function answerBody(rand: () => number, n: number): string {
  const parts = [`<p>Use <code>sorted(items, key=len)</code> instead &mdash; it&#39;s stable:</p>`];
  if (rand() < 0.8)
    parts.push(
      `<pre><code>result = sorted(items, key=lambda x: (x.score, x.name))\nprint(result[:${n % 10}])  # &lt;-- top\n</code></pre>`,
    );
  if (rand() < 0.4) parts.push(`<blockquote>\n<p>Sorts are guaranteed to be stable.</p>\n</blockquote>`);
  if (rand() < 0.3) parts.push(`<p>See <a href="/questions/${n}/related">this related question</a>.</p>`);
  return parts.join('\n\n');
}

/**
 * A body nested `depth` levels deep around one sentence, like the posts that overflow a recursive HTML
 * walker: lists (`<ul><li>` per level) or bare `<div>`s.
 */
export function deeplyNested(
  kind: 'list' | 'div' | 'blockquote',
  depth: number,
  text = 'the text at the bottom',
): string {
  const [open, close] = kind === 'list' ? ['<ul><li>', '</li></ul>'] : [`<${kind}>`, `</${kind}>`];
  return `<p>Nested answer:</p>${open.repeat(depth)}<p>${text}</p>${close.repeat(depth)}`;
}

/** Leaves out what the API leaves out now and then (by position, so the generated data stays the same). */
function withAbsentFields<T extends { owner?: FakeOwner; content_license?: string }>(post: T, n: number): T {
  // Posts written before content_license existed, read with a filter that predates it.
  if (n % 40 === 17) delete post.content_license;
  // Community-owned and migrated posts come without an owner.
  if (n % 50 === 23) delete post.owner;
  return post;
}

export function generateSite(options: GeneratedSiteOptions = {}): GeneratedSite {
  const rand = seededRandom(options.seed ?? 42);
  const host = options.host ?? 'stackoverflow.com';
  const tags = options.tags ?? DEFAULT_TAGS;
  const p = options.answerProbability ?? 0.2;
  const people = owners(rand, host);
  const start = Date.UTC(2009, 0, 1) / 1000;
  const span = Date.UTC(2025, 0, 1) / 1000 - start;
  let nextAnswerId = 50_000_000;
  let answerCount = 0;
  const questions: FakeQuestion[] = [];
  const total = options.questions ?? 1000;
  for (let i = 0; i < total; i++) {
    const id = 10_000_000 + i * 13;
    const created = Math.floor(start + rand() * span);
    const thing = pick(rand, THINGS);
    const score = Math.floor(Math.exp(rand() * 7)) - 3;
    const extraTags = tags.filter((_, k) => k !== i % tags.length && rand() < 0.15).slice(0, 2);
    let n = 0;
    for (let k = 0; k < 10; k++) if (rand() < p) n++;
    const answers: FakeAnswer[] = Array.from({ length: n }, () => {
      const answered = created + Math.floor(rand() * 86_400 * 30);
      return withAbsentFields(
        {
          answer_id: nextAnswerId++,
          question_id: id,
          score: Math.floor(Math.exp(rand() * 6)) - 4,
          is_accepted: false,
          creation_date: answered,
          last_activity_date: answered,
          owner: pick(rand, people),
          content_license: licenseAt(answered),
          body: answerBody(rand, id),
        },
        nextAnswerId,
      );
    });
    const accepted = n > 0 && rand() < 0.6 ? answers[Math.floor(rand() * n)] : undefined;
    if (accepted) accepted.is_accepted = true;
    answerCount += n;
    const title = `How do I ${pick(rand, VERBS)} ${thing} (#${i})?`;
    questions.push(
      withAbsentFields(
        {
          question_id: id,
          title,
          tags: [tags[i % tags.length], ...extraTags],
          score,
          answer_count: n,
          ...(accepted ? { accepted_answer_id: accepted.answer_id } : {}),
          is_answered: accepted !== undefined || answers.some((a) => a.score > 0),
          view_count: Math.floor(rand() * 100_000) + score * 10 + 10,
          creation_date: created,
          last_activity_date: created + 3600,
          owner: pick(rand, people),
          link: `https://${host}/questions/${id}/how-do-i-${i}`,
          content_license: licenseAt(created),
          body: rand() < (options.emptyBodyShare ?? 0.01) ? '' : questionBody(rand, id, thing),
          answers,
        },
        i,
      ),
    );
  }
  questions.sort((a, b) => b.score - a.score || b.question_id - a.question_id);
  return { host, questions, byId: new Map(questions.map((q) => [q.question_id, q])), answerCount };
}
