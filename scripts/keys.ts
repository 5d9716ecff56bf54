// Prints every resolved key item of every article. `--json` for other tools; exits non-zero
// naming the file and item when a key does not validate or resolve.
import { listArticles } from '../lib/content/articles';
import { getKey } from '../lib/content/keys';

try {
  const rows = listArticles().flatMap((article) => {
    const key = getKey(article.slug);
    if (!key) return [];
    return key.items.map((item) => ({
      article: article.slug,
      seed: article.seed,
      label: item.label,
      start: item.start,
      end: item.end,
      quote: item.quote,
      optional: item.optional ?? false,
      ...('kind' in item ? { kind: item.kind } : {}),
      ...('voice' in item ? { voice: item.voice } : {}),
      ...('basis' in item ? { basis: item.basis } : {}),
      ...(item.accept ? { accept: item.accept } : {}),
      explanation: item.explanation,
      ...(item.check ? { check: item.check } : {}),
      record: item.record ?? null,
    }));
  });
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const r of rows) {
      process.stdout.write(
        `${r.article}\t${r.label}\t${r.start}-${r.end}${r.optional ? '\t(optional)' : ''}\t${r.quote}\n`,
      );
    }
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
