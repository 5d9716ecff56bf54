import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticles } from '@/lib/content/articles';

const ROOT = path.resolve(__dirname, '../../..');

describe('npm run --silent articles -- --json', () => {
  it('prints one object per article with slug, seed, title, sha256 and length', () => {
    const out = execFileSync('npm', ['run', '--silent', 'articles', '--', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    const articles = listArticles();
    expect(rows).toHaveLength(articles.length);
    for (const [i, row] of rows.entries()) {
      const article = articles[i];
      expect(Object.keys(row).sort()).toEqual(['length', 'seed', 'sha256', 'slug', 'title']);
      expect(row).toEqual({
        slug: article?.slug,
        seed: article?.seed,
        title: article?.title,
        sha256: article?.sha256,
        length: article?.text.length,
      });
    }
    expect(rows.find((r) => r.seed === '004_8e91e8f239e153a5.txt')?.length).toBe(60828);
  });
});
