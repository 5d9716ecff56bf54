import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { resolveQuote } from '@/lib/annotation/anchor';
import { parseArticleFile } from '@/lib/content/article-file';
import { listArticles } from '@/lib/content/articles';
import { ContentError } from '@/lib/content/errors';
import { getKey } from '@/lib/content/keys';
import { quoteSelectorAt } from '@/lib/content/quote-context';
import { exportShippedArticle } from '@/lib/server/data/own-article-files';

const ROOT = path.resolve(__dirname, '../../..');
const INSTRUCTOR = { kind: 'instructor', userId: 'u1', name: 'T' } as const;

function exported(slug: string): string {
  const file = exportShippedArticle(INSTRUCTOR, slug);
  if (!file.ok) throw new Error(file.message);
  return file.value.yaml;
}

type Docs = [Record<string, unknown>, { items: Record<string, unknown>[] } & Record<string, unknown>];

/** The exported file of `slug` with its two documents changed by `change`. */
function edited(slug: string, change: (docs: Docs) => void): string {
  const docs = parseAllDocuments(exported(slug)).map((d) => d.toJS()) as Docs;
  change(docs);
  return `${stringify(docs[0])}---\n${stringify(docs[1])}`;
}

function problemsOf(source: string): string[] {
  try {
    parseArticleFile('file', source);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('article files', () => {
  it.each(listArticles().map((a) => a.slug))('give back the shipped article %s and its key items', (slug) => {
    const parsed = parseArticleFile('file', exported(slug));
    const article = listArticles().find((a) => a.slug === slug);
    const key = getKey(slug);
    expect(parsed.text).toBe(article?.text);
    expect(parsed.article).toMatchObject({ slug, title: article?.title, sha256: article?.sha256 });
    expect(parsed.items).toEqual(key?.items);
  });

  it('are accepted by `npm run check-key` (an exported shipped article)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'close-read-export-'));
    const file = path.join(dir, 'export.yaml');
    writeFileSync(file, exported('mehr-human-rights-letter'));
    const run = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['--conditions=react-server', 'scripts/check-key.ts', file],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\d+ items: sourcing \d+/);
  });

  it('refuse a file that is not valid YAML, naming it', () => {
    expect(problemsOf('slug: [unclosed\n---\nitems: []\n')[0]).toMatch(/^not valid YAML/);
    expect(problemsOf('slug: a\n')[0]).toMatch(/two YAML documents/);
  });

  it('refuse a quote that does not resolve, naming the item', () => {
    const source = exported('mehr-human-rights-letter').replace(/quote: "?([A-Za-z])/, 'quote: ZZZ$1');
    expect(problemsOf(source).join('\n')).toMatch(/key item \d+ \(.*\): quote not found: "ZZZ/);
  });

  it('refuse markup in any field and a stale SHA-256, naming the field', () => {
    const source = edited('mehr-human-rights-letter', ([article, key]) => {
      article.title = `<script>alert(1)</script>${article.title}`;
      (key.items[0] as Record<string, unknown>).explanation = `<b>bold</b> ${key.items[0]?.explanation}`;
    });
    const problems = problemsOf(source).join('\n');
    expect(problems).toContain('field "article.title": must be plain text');
    expect(problems).toMatch(/field "key\.items\.0\.explanation": must be plain text/);
    const stale = edited('mehr-human-rights-letter', ([article]) => {
      article.text = `${article.text} More.`;
    });
    expect(problemsOf(stale).join('\n')).toContain('field "article.sha256": the text\'s SHA-256 is');
  });

  it('refuse more than 2,000 items and an empty text, naming the field', () => {
    const many = edited('mehr-human-rights-letter', ([, key]) => {
      key.items = Array.from({ length: 2001 }, () => ({ ...key.items[0] }));
    });
    expect(problemsOf(many).join('\n')).toContain('field "key.items": must have at most 2000 items');
    const empty = edited('mehr-human-rights-letter', ([article, key]) => {
      article.text = '  \n';
      key.items = [];
    });
    expect(problemsOf(empty).join('\n')).toContain('field "article.text": the text is empty');
  });

  it('refuse a title over 200 characters, naming the field', () => {
    const source = edited('mehr-human-rights-letter', ([article]) => {
      article.title = 'T'.repeat(201);
    });
    expect(problemsOf(source).join('\n')).toContain('field "article.title": must have at most 200 characters');
  });
});

describe('quoteSelectorAt', () => {
  it('gives the shortest context that resolves to the same place', () => {
    const text = 'he said no. she said yes. he said maybe.';
    for (const [start, end] of [
      [3, 7],
      [16, 20],
      [29, 33],
      [0, 2],
    ] as const) {
      const selector = quoteSelectorAt(text, start, end);
      expect(resolveQuote(text, selector)).toEqual({ ok: true, value: { start, end } });
    }
    expect(quoteSelectorAt(text, 12, 15)).toEqual({ exact: 'she' });
  });
});
