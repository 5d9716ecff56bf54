import 'server-only';
import path from 'node:path';
import type { Article } from './articles';
import { type LintFinding, lintKey } from './key-lint';
import { getKey } from './keys';
import { CONTENT_DIR, relative } from './paths';

/** The key lint's findings for every article that has a key, file by file. */
export function lintAllKeys(articles: readonly Article[]): LintFinding[] {
  return articles.flatMap((article) => {
    const key = getKey(article.slug);
    if (!key) return [];
    const file = relative(path.join(CONTENT_DIR, 'keys', `${article.slug}.yaml`));
    return lintKey({ file, text: article.text, items: key.items });
  });
}
