import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticles } from '@/lib/content/articles';
import { getKey } from '@/lib/content/keys';

// Every `record` in the keys states an outside fact; docs/fact-check.md must list it, word for
// word, with where a teacher can verify it. The table quotes the item and the record exactly.
const LESSONS = path.resolve(__dirname, '../../../content/lessons');
const DOC = readFileSync(path.resolve(__dirname, '../../../docs/fact-check.md'), 'utf8');

/** The rows of the markdown table under `heading`, as arrays of unescaped cells. */
function tableRows(heading: string): string[][] {
  const section = DOC.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`no section "${heading}" in docs/fact-check.md`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) =>
      line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((cell) => cell.replaceAll('\\|', '|').trim()),
    );
}

const records = listArticles().flatMap((article) =>
  (getKey(article.slug)?.items ?? [])
    .filter((item) => item.record)
    .map((item) => ({ key: article.slug, quote: item.quote, record: item.record as string })),
);

describe('docs/fact-check.md', () => {
  const outlets = tableRows('Outlet statements in the lessons').map(([lesson, statement, source]) => ({
    lesson,
    statement,
    source,
  }));

  const rows = tableRows('Records in the answer keys').map(([key, quote, record, source]) => ({
    key,
    quote,
    record,
    source,
  }));

  it('the keys carry records to check', () => {
    expect(records.length).toBeGreaterThanOrEqual(5);
  });

  it.each(records.map((r) => [`${r.key}: ${r.quote.slice(0, 50)}`, r] as const))(
    'lists the record of %s with its text and a source',
    (_name, r) => {
      const row = rows.find((x) => x.key === r.key && x.quote === r.quote);
      expect(row, `no row for "${r.quote}" in ${r.key}`).toBeDefined();
      expect(row?.record).toBe(r.record);
      expect(row?.source?.length ?? 0).toBeGreaterThan(30);
    },
  );

  it('lists no record that the keys no longer carry', () => {
    for (const row of rows) {
      expect(records.some((r) => r.key === row.key && r.quote === row.quote && r.record === row.record)).toBe(true);
    }
  });

  it('gives a place to verify each other outside fact', () => {
    for (const heading of [
      'Other outside facts in explanations and checks',
      'Outside facts in lessons and instructor notes',
    ]) {
      const other = tableRows(heading);
      expect(other.length).toBeGreaterThan(0);
      for (const [statement, where, source] of other) {
        expect(statement?.length ?? 0).toBeGreaterThan(20);
        expect(where?.length ?? 0).toBeGreaterThan(3);
        expect(source?.length ?? 0).toBeGreaterThan(20);
      }
    }
  });

  it.each(readdirSync(LESSONS).filter((f) => f.endsWith('.mdx')))(
    'lists every sentence of fact in the "Who published this?" note of %s',
    (file) => {
      const mdx = readFileSync(path.join(LESSONS, file), 'utf8');
      const notes = [...mdx.matchAll(/<Callout title="Who published this\?"[^>]*>([\s\S]*?)<\/Callout>/g)];
      expect(notes, 'each lesson opens its article with one such note').toHaveLength(1);
      const facts = (notes[0]?.[1] ?? '')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p && !p.startsWith('Check it yourself:'));
      const sentences = facts.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z"“])/));
      expect(sentences.length).toBeGreaterThan(0);
      const listed = outlets.filter((row) => row.lesson === file).map((row) => row.statement);
      for (const sentence of sentences) expect(listed, `no row for: ${sentence}`).toContain(sentence);
    },
  );
});
