// A lesson's front matter as the tests read it (the app's loader is server-only).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Question = { id: string; prompt: string; model: string; minWords?: number };

/** The first written question of a lesson, by its slug. */
export function firstQuestion(slug: string): Question {
  const file = readdirSync('content/lessons').find((f) => f.endsWith(`.${slug}.mdx`));
  if (!file) throw new Error(`no lesson ${slug}`);
  const source = readFileSync(path.join('content/lessons', file), 'utf8');
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '') as { questions: Question[] };
  const question = front.questions[0];
  if (!question) throw new Error(`${slug} has no questions`);
  return question;
}
