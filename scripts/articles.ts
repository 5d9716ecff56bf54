// Prints the article registry. `--json`: one object per article, for other tools.
import { listArticles } from '../lib/content/articles';

const articles = listArticles().map((a) => ({
  slug: a.slug,
  seed: a.seed,
  title: a.title,
  sha256: a.sha256,
  length: a.text.length,
}));

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
} else {
  for (const a of articles) process.stdout.write(`${a.slug}\t${a.seed}\t${a.length} chars\t${a.title}\n`);
}
