import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getKey } from '@/lib/content/keys';

// Where a lesson names the basis of a claim, it must agree with the key's coding of that claim.
// A lesson names a basis in three ways, and this test reads all three:
// 1. an excerpt under a "### <basis>" heading (the "kinds of basis" section of lesson 3);
// 2. an excerpt followed, before the next excerpt or heading, by a basis in bold
//    ("So this is an unverifiable claim with **no source**.");
// 3. in instructor notes, a quoted claim followed by its basis in brackets:
//    "“they are the real individuals ...” (anonymous source)". "..." stands for left-out words.
// The claim is found in the key by its words; a basis named for words the key does not code
// as an unverifiable claim fails too.
const LESSONS = path.resolve(__dirname, '../../../content/lessons');

const BASIS_NAMES: [RegExp, string][] = [
  [/^no source/i, 'no-source'],
  [/^(named source only|only a named source[’']s word)/i, 'named-source-only'],
  [/^anonymous source/i, 'anonymous-source'],
  [/^vague source/i, 'vague-source'],
  [/^untestable/i, 'untestable'],
];
const basisOf = (words: string) => BASIS_NAMES.find(([re]) => re.test(words.trim()))?.[1] ?? null;

type Mention = { lesson: string; article: string | null; quote: string; basis: string; how: string };

function mentionsIn(file: string): { articles: string[]; mentions: Mention[] } {
  const source = readFileSync(path.join(LESSONS, file), 'utf8');
  const front = parse(source.split(/^---$/m)[1] ?? '') as { articles: string[] };
  const blocks = source.split(/\n\s*\n/);
  const mentions: Mention[] = [];
  let heading: string | null = null;
  blocks.forEach((block, i) => {
    const h3 = /^### (.+)$/m.exec(block);
    if (/^#{1,3} /m.test(block)) heading = h3 ? basisOf(h3[1] ?? '') : null;
    const excerpt = /<ArticleExcerpt article="([^"]+)" quote="([^"]+)"/.exec(block);
    if (excerpt) {
      const [, article = '', quote = ''] = excerpt;
      if (heading) mentions.push({ lesson: file, article, quote, basis: heading, how: 'under its heading' });
      for (const next of blocks.slice(i + 1)) {
        if (/<ArticleExcerpt|^#{1,3} |<LabelingExercise/m.test(next)) break;
        const bold = [...next.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => basisOf(m[1] ?? '')).find(Boolean);
        if (bold) {
          mentions.push({ lesson: file, article, quote, basis: bold, how: 'in bold after it' });
          break;
        }
      }
    }
    for (const m of block.matchAll(/"([^"]{12,})"\s*\(([^)]+)\)/g)) {
      const basis = basisOf(m[2] ?? '');
      if (basis) mentions.push({ lesson: file, article: null, quote: m[1] ?? '', basis, how: 'in brackets' });
    }
  });
  return { articles: front.articles, mentions };
}

/** The bases the key gives the unverifiable claims these words belong to. */
function keyedBases(articles: string[], mention: Mention): string[] {
  const fragments = mention.quote
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map((f) => f.replace(/[.,]$/, ''))
    .filter(Boolean);
  return (mention.article ? [mention.article] : articles).flatMap((slug) => {
    const key = getKey(slug);
    if (!key) return [];
    const claims = key.items.filter((i) => i.label === 'unverifiable-claim');
    if (mention.article) {
      // An excerpt: every claim the excerpt's words overlap.
      const at = key.article.text.indexOf(mention.quote);
      const end = at + mention.quote.length;
      return claims.filter((c) => at >= 0 && c.start < end && at < c.end).map((c) => c.basis);
    }
    return claims.filter((c) => fragments.every((f) => c.quote.includes(f))).map((c) => c.basis);
  });
}

const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx'));
const all = lessons.flatMap((file) => {
  const { articles, mentions } = mentionsIn(file);
  return mentions.map((m) => ({ ...m, articles }));
});

describe('lessons that name a basis agree with the keys', () => {
  it('finds the lessons’ basis mentions (the test reads something)', () => {
    expect(all.filter((m) => m.how === 'in brackets').length).toBeGreaterThanOrEqual(6);
    expect(all.filter((m) => m.how !== 'in brackets').length).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map((m) => [`${m.lesson}: "${m.quote.slice(0, 50)}" (${m.basis}, ${m.how})`, m] as const))(
    '%s',
    (_name, mention) => {
      const bases = keyedBases(mention.articles, mention);
      expect(bases.length, 'the key codes no unverifiable claim with these words').toBeGreaterThan(0);
      expect(bases).toContain(mention.basis);
    },
  );
});
