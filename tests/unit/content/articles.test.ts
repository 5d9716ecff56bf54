import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '@/lib/annotation/paragraphs';
import { getArticle, listArticles, parseArticleEntry, sha256 } from '@/lib/content/articles';
import { ContentError } from '@/lib/content/errors';
import expectedSeeds from '../../fixtures/seed-sha256.json';

const ENTRY = path.resolve(__dirname, '../../../content/articles/mehr-human-rights-letter.yaml');
const source = readFileSync(ENTRY, 'utf8');

function problemsOf(yaml: string): string {
  try {
    parseArticleEntry(ENTRY, yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the entry to be rejected');
}

describe('article registry', () => {
  const articles = listArticles();

  it('has one entry per seed file', () => {
    expect(articles.map((a) => a.seed)).toEqual(Object.keys(expectedSeeds).sort());
    expect(new Set(articles.map((a) => a.slug)).size).toBe(articles.length);
  });

  it('records the SHA-256 of each normalized text', () => {
    for (const a of articles) {
      expect(a.text).not.toContain('\r');
      expect(sha256(a.text)).toBe(a.sha256);
    }
  });

  it('finds an article by slug or by seed file name', () => {
    expect(getArticle('mehr-human-rights-letter')?.seed).toBe('002_a450aafcd83acba7.txt');
    expect(getArticle('002_a450aafcd83acba7.txt')?.slug).toBe('mehr-human-rights-letter');
    expect(getArticle('no-such-article')).toBeNull();
  });

  it('gives the aggregation page a table of contents whose parts start paragraphs', () => {
    const page = getArticle('envoy-speech-aggregation');
    expect(page?.resolvedParts.length).toBeGreaterThanOrEqual(5);
    const starts = new Set(splitParagraphs(page?.text ?? '').map((p) => p.start));
    for (const part of page?.resolvedParts ?? []) expect(starts.has(part.start)).toBe(true);
  });
});

describe('a broken registry entry', () => {
  it('names the file and the missing field', () => {
    const message = problemsOf(source.replace(/^date:.*\n/m, ''));
    expect(message).toContain('content/articles/mehr-human-rights-letter.yaml');
    expect(message).toContain('field "date"');
  });

  it('names a field of the wrong form', () => {
    expect(problemsOf(source.replace(/^kind: .*$/m, 'kind: rumour'))).toContain('field "kind"');
    expect(problemsOf(source.replace(/^sha256: .*$/m, 'sha256: 1234'))).toContain('field "sha256"');
  });

  it('rejects a hash that does not match the seed text', () => {
    const stale = source.replace(/^sha256: .*$/m, `sha256: ${'a'.repeat(64)}`);
    expect(problemsOf(stale)).toMatch(/field "sha256": the normalized text of seeds\/002_a450aafcd83acba7\.txt/);
  });

  it('rejects a seed that does not exist and an unknown field', () => {
    expect(problemsOf(source.replace(/^seed: .*$/m, 'seed: 009_0000000000000000.txt'))).toContain('field "seed"');
    expect(problemsOf(`${source}\nauthor: someone\n`)).toContain('author');
  });
});
