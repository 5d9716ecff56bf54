import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { type LessonMeta, LessonMetaSchema } from '../validation/lesson';
import { getArticle } from './articles';
import { ContentError, describeIssues } from './errors';
import { CONTENT_DIR, relative } from './paths';

/** A lesson file with its validated front matter. */
export type Lesson = LessonMeta & { slug: string; file: string };

const LESSONS_DIR = path.join(CONTENT_DIR, 'lessons');
const FILE_NAME = /^(\d{2})\.([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/**
 * Validates a lesson file's name and front matter (`source` is the file's text).
 * Throws ContentError naming the file and every bad field.
 */
export function parseLessonSource(file: string, source: string): Lesson {
  const name = path.basename(file);
  const where = relative(file);
  const match = FILE_NAME.exec(name);
  if (!match) throw new ContentError(where, ['file name must look like NN.slug.mdx']);
  const front = FRONT_MATTER.exec(source.replace(/\r\n?/g, '\n'));
  if (!front) throw new ContentError(where, ['no front matter between --- lines at the top']);
  let raw: unknown;
  try {
    raw = parse(front[1] as string);
  } catch (error) {
    throw new ContentError(where, [`front matter is not valid YAML: ${(error as Error).message}`]);
  }
  const parsed = LessonMetaSchema.safeParse(raw);
  if (!parsed.success) throw new ContentError(where, describeIssues(parsed.error));
  const meta = parsed.data;
  const problems: string[] = [];
  if (meta.order !== Number(match[1]))
    problems.push(`field "order": ${meta.order} differs from the file number ${match[1]}`);
  meta.articles.forEach((slug, i) => {
    if (!getArticle(slug)) problems.push(`field "articles.${i}": no article "${slug}"`);
  });
  if (problems.length > 0) throw new ContentError(where, problems);
  return { ...meta, slug: match[2] as string, file: name };
}

let cache: Lesson[] | undefined;

/** Every lesson in order. Throws ContentError naming the file and field of a broken one. */
export function listLessons(): Lesson[] {
  if (!cache) {
    const names = readdirSync(LESSONS_DIR).filter((n) => n.endsWith('.mdx'));
    cache = names
      .map((name) => {
        const file = path.join(LESSONS_DIR, name);
        return parseLessonSource(file, readFileSync(file, 'utf8'));
      }).sort((a, b) => a.order - b.order);
  }
  return cache;
}

/** The lesson with this slug, or null. */
export function getLesson(slug: string): Lesson | null {
  return listLessons().find((l) => l.slug === slug) ?? null;
}
