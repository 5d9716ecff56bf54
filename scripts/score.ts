// Scores a file of answers against an article's key and prints the figures and feedback as
// JSON: `npm run --silent score -- --article <slug or seed file> --answers <file.json>`.
// The file holds an array of {label, start, end} or {label, quote, prefix?, suffix?}.
// Any bad input exits 1 with one message on stderr naming the problem.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveQuote } from '../lib/annotation/anchor';
import { getArticle, listArticles } from '../lib/content/articles';
import { getKey, toScoringKey } from '../lib/content/keys';
import { score, validateAnswers } from '../lib/scoring';

const USAGE = 'usage: score --article <slug or seed file> --answers <file.json>';

class InputError extends Error {}

/** The value after `--name`, or an error naming the missing flag. */
function flag(args: readonly string[], name: string): string {
  const at = args.indexOf(`--${name}`);
  const value = at === -1 ? undefined : args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new InputError(`missing --${name}; ${USAGE}`);
  return value;
}

/** An answer given by its quote, resolved to offsets against the article's text. */
const QuotedAnswerSchema = z.object({
  label: z.unknown(),
  quote: z.string().min(1, { error: 'the quote is empty' }),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

/** Turns quote answers into offset answers; offset answers pass through to validation as they are. */
function resolveQuotes(text: string, raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw;
  return raw.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || !('quote' in entry)) return entry;
    const parsed = QuotedAnswerSchema.safeParse(entry);
    if (!parsed.success)
      throw new InputError(
        `answer ${index}: ${parsed.error.issues.map((i) => `field "${i.path.join('.')}": ${i.message}`).join('; ')}`,
      );
    const { label, quote, prefix, suffix } = parsed.data;
    const anchored = resolveQuote(text, { exact: quote, prefix, suffix });
    if (!anchored.ok) throw new InputError(`answer ${index}: ${anchored.error}`);
    return { label, ...anchored.value };
  });
}

function main(args: readonly string[]): string {
  const articleName = flag(args, 'article');
  const answersFile = flag(args, 'answers');
  const article = getArticle(articleName);
  if (!article) {
    throw new InputError(
      `unknown article "${articleName}"; known: ${listArticles()
        .map((a) => a.slug)
        .join(', ')}`,
    );
  }
  let source: string;
  try {
    source = readFileSync(answersFile, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read answers file: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new InputError(`answers file ${answersFile} is not valid JSON: ${(error as Error).message}`);
  }
  let answers: ReturnType<typeof validateAnswers>;
  try {
    answers = validateAnswers(article.text.length, resolveQuotes(article.text, raw));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`answers file ${answersFile}: ${error.message}`);
  }
  if (!answers.ok) throw new InputError(`answers file ${answersFile}: ${answers.error}`);
  const key = getKey(article.slug);
  if (!key) throw new InputError(`article "${article.slug}" has no answer key yet (content/keys/${article.slug}.yaml)`);
  const result = score(toScoringKey(key.items), answers.value);
  return `${JSON.stringify(result, null, 2)}\n`;
}

try {
  process.stdout.write(main(process.argv.slice(2)));
} catch (error) {
  // Broken content (ContentError) and bad input both end here: one line, the problem named.
  process.stderr.write(`score: ${(error as Error).message}\n`);
  process.exit(1);
}
