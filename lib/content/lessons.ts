import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveQuote, type TextPosition } from '../annotation/anchor';
import { type Exercise, type LessonMeta, LessonMetaSchema, type Question } from '../validation/lesson';
import { getArticle } from './articles';
import { ContentError, parseYamlWith } from './errors';
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
  const meta = parseYamlWith(where, front[1] as string, LessonMetaSchema, 'front matter is not valid YAML');
  const problems: string[] = [];
  if (meta.order !== Number(match[1]))
    problems.push(`field "order": ${meta.order} differs from the file number ${match[1]}`);
  meta.articles.forEach((slug, i) => {
    if (!getArticle(slug)) problems.push(`field "articles.${i}": no article "${slug}"`);
  });
  meta.exercises.forEach((exercise, i) => {
    const range = exerciseRange(exercise);
    if (!range.ok) problems.push(`field "exercises.${i}": ${range.error}`);
  });
  if (problems.length > 0) throw new ContentError(where, problems);
  return { ...meta, slug: match[2] as string, file: name };
}

/** The part of its article an exercise is about: the whole text, or from/to quotes. */
export function exerciseRange(
  exercise: Pick<Exercise, 'article' | 'from' | 'to'>,
): { ok: true; value: TextPosition } | { ok: false; error: string } {
  const article = getArticle(exercise.article);
  if (!article) return { ok: false, error: `no article "${exercise.article}"` };
  let start = 0;
  let end = article.text.length;
  if (exercise.from !== undefined) {
    const from = resolveQuote(article.text, { exact: exercise.from });
    if (!from.ok) return { ok: false, error: `"from": ${from.error}` };
    start = from.value.start;
  }
  if (exercise.to !== undefined) {
    const to = resolveQuote(article.text, { exact: exercise.to });
    if (!to.ok) return { ok: false, error: `"to": ${to.error}` };
    end = to.value.end;
  }
  if (end <= start) return { ok: false, error: '"to" comes before "from"' };
  return { ok: true, value: { start, end } };
}

function checkUniqueIds(lessons: Lesson[]): void {
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    for (const { id } of [...lesson.exercises, ...lesson.questions]) {
      const other = seen.get(id);
      if (other) throw new ContentError(`content/lessons/${lesson.file}`, [`id "${id}" is also used in ${other}`]);
      seen.set(id, lesson.file);
    }
  }
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
      })
      .sort((a, b) => a.order - b.order);
    checkUniqueIds(cache);
  }
  return cache;
}

/** Ids of free practice exercises: a whole article, all labels (`practice-<article slug>`). */
export const PRACTICE_PREFIX = 'practice-';

/** A part of a long article is practised as `practice-<article slug>--part-<n>`, n from 1. */
export const PART_INFIX = '--part-';

const PRACTICE_INSTRUCTIONS =
  'Label every attribution, every loaded word or phrase, and every claim a reader cannot check. Then compare with the key.';

/** The practice exercise id of a whole article, or of its part `part` (1-based). */
export function practiceId(articleSlug: string, part?: number): string {
  return `${PRACTICE_PREFIX}${articleSlug}${part === undefined ? '' : `${PART_INFIX}${part}`}`;
}

/**
 * A quote that ends exactly at `end`: the shortest tail of `text.slice(start, end)` (30
 * characters, then doubling) that occurs once in the text, or null when none does.
 */
function uniqueTail(text: string, start: number, end: number): string | null {
  for (let length = 30; ; length *= 2) {
    const tail = text.slice(Math.max(start, end - length), end);
    if (tail.length >= 3 && resolveQuote(text, { exact: tail }).ok) return tail;
    if (end - length <= start) return null;
  }
}

/**
 * The parts of a long article (its registry's `parts`) as practice exercises: each runs from
 * its first words to the end of its last sentence before the next part. Empty for an
 * article without parts.
 */
export function practiceParts(articleSlug: string): { number: number; title: string; exercise: Exercise }[] {
  const article = getArticle(articleSlug);
  if (!article) return [];
  const parts = article.resolvedParts;
  return parts.flatMap((part, index) => {
    const next = parts[index + 1];
    const end = next ? article.text.slice(0, next.start).trimEnd().length : article.text.length;
    const to = next ? uniqueTail(article.text, part.start, end) : undefined;
    const from = article.parts?.[index]?.startsWith;
    if (to === null || from === undefined) return [];
    return [
      {
        number: index + 1,
        title: part.title,
        exercise: {
          id: practiceId(article.slug, index + 1),
          article: article.slug,
          labels: ['sourcing', 'loaded-language', 'unverifiable-claim'],
          attributes: true,
          why: true,
          keyOnRetry: true,
          from,
          ...(to === undefined ? {} : { to }),
          instructions: `${part.title}. ${PRACTICE_INSTRUCTIONS} This part is scored against its own key items only.`,
        },
      },
    ];
  });
}

/** The free practice exercise on a whole article: every label, attributes and notes asked. */
export function practiceExercise(articleSlug: string): Exercise | null {
  const article = getArticle(articleSlug);
  if (!article) return null;
  return {
    id: practiceId(article.slug),
    article: article.slug,
    labels: ['sourcing', 'loaded-language', 'unverifiable-claim'],
    attributes: true,
    why: true,
    keyOnRetry: true,
    instructions:
      'Label the whole article: every attribution, every loaded word or phrase, and every claim a reader cannot check. Then compare with the full key.',
  };
}

/** The exercise with this id and its lesson (null for free practice), or null when there is none. */
export function getExercise(id: string): { lesson: Lesson | null; exercise: Exercise } | null {
  if (id.startsWith(PRACTICE_PREFIX)) {
    const rest = id.slice(PRACTICE_PREFIX.length);
    const at = rest.indexOf(PART_INFIX);
    if (at < 0) {
      const exercise = practiceExercise(rest);
      return exercise ? { lesson: null, exercise } : null;
    }
    const part = practiceParts(rest.slice(0, at)).find((p) => p.exercise.id === id);
    return part ? { lesson: null, exercise: part.exercise } : null;
  }
  for (const lesson of listLessons()) {
    const exercise = lesson.exercises.find((e) => e.id === id);
    if (exercise) return { lesson, exercise };
  }
  return null;
}

/** The question with this id and its lesson, or null. */
export function getQuestion(id: string): { lesson: Lesson; question: Question } | null {
  for (const lesson of listLessons()) {
    const question = lesson.questions.find((q) => q.id === id);
    if (question) return { lesson, question };
  }
  return null;
}

/** The lesson with this slug, or null. */
export function getLesson(slug: string): Lesson | null {
  return listLessons().find((l) => l.slug === slug) ?? null;
}
