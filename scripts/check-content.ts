// Validates all content before a build: article registry, lessons and answer keys.
// Exits 1 with the file and field of every problem, so a broken entry never ships.
import { listArticles } from '../lib/content/articles';
import { ContentError } from '../lib/content/errors';
import { getKey } from '../lib/content/keys';
import { listLessons } from '../lib/content/lessons';

try {
  const articles = listArticles();
  const lessons = listLessons();
  const keyed = articles.filter((a) => getKey(a.slug) !== null).length;
  process.stdout.write(`content ok: ${articles.length} articles, ${keyed} keys, ${lessons.length} lessons\n`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  process.stderr.write(`Content error in ${error.file}:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
