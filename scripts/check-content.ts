// Validates all content before a build: article registry, lessons and answer keys, and runs
// the key lint (lib/content/key-lint). Exits 1 with the file and field of every problem, or
// every lint error, so a broken entry never ships.
import { listArticles } from '../lib/content/articles';
import { ContentError } from '../lib/content/errors';
import { hasErrors } from '../lib/content/key-lint';
import { getKey } from '../lib/content/keys';
import { listLessons } from '../lib/content/lessons';
import { lintAllKeys } from '../lib/content/lint-keys';

try {
  const articles = listArticles();
  const lessons = listLessons();
  const keyed = articles.filter((a) => getKey(a.slug) !== null).length;
  const findings = lintAllKeys(articles);
  if (hasErrors(findings)) {
    const lines = findings.map((f) => `  - ${f.file}: ${f.rule} at ${f.start} "${f.quote}": ${f.message}`);
    process.stderr.write(`Key lint errors (npm run lint-keys):\n${lines.join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`content ok: ${articles.length} articles, ${keyed} keys, ${lessons.length} lessons\n`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  process.stderr.write(`Content error in ${error.file}:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
