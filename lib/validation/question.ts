// The question form's schema, in zod's small "mini" build: it runs in the browser (through
// react-hook-form) and again on the server, and keeps the lesson page light.
import { z } from 'zod/mini';
import { MAX_ANSWER_CHARS, MAX_ID_CHARS } from './limits';

/** Words as a reader counts them: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The form of one question: an answer of at least `minWords` words. */
export function answerSchema(minWords: number) {
  return z.object({
    answer: z.string().check(
      z.trim(),
      z.minLength(1, 'Write an answer before you check it.'),
      z.maxLength(MAX_ANSWER_CHARS, `Keep your answer under ${MAX_ANSWER_CHARS} characters.`),
      z.refine((a: string) => countWords(a) >= minWords, {
        message: `Write at least ${minWords} words: explain your thinking in a full sentence or two.`,
      }),
    ),
  });
}
export type AnswerForm = z.infer<ReturnType<typeof answerSchema>>;

/** What the browser sends when a student answers a question. */
export const AnswerQuestionSchema = z.strictObject({
  questionId: z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS)),
  answer: z.string().check(z.maxLength(MAX_ANSWER_CHARS)),
  /** Makes a retried check of the same answer harmless when a class stores it. */
  clientId: z.optional(z.uuid()),
});

/** A written answer's draft as the browser sends it while the student types. */
export const AnswerDraftSchema = z.strictObject({
  questionId: z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS)),
  answer: z.string().check(z.maxLength(MAX_ANSWER_CHARS)),
});

/** Words of four letters or more, cut to their first five letters so "checked" meets "check". */
function stems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  return new Set(words.map((w) => w.slice(0, 5)));
}

/** Under this share of different words among all words, an answer is mostly repetition. */
const MIN_DISTINCT_SHARE = 0.4;

/**
 * Why an answer that is long enough is still not a real answer, or null when it is one:
 * mostly the same few words repeated ("a a a …"), or not one word of four letters or more
 * in common with the question's topic: its prompt and its model answer, which the server
 * passes (a genuine answer names something the question is about; the message never
 * reveals which words would have counted).
 */
export function fillerProblem(answer: string, topicText: string): string | null {
  const words = answer.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const distinct = new Set(words).size;
  if (distinct < Math.max(4, Math.ceil(words.length * MIN_DISTINCT_SHARE))) {
    return 'This looks like the same words repeated. Write a real answer to the question, in your own words.';
  }
  const topic = stems(topicText);
  if (![...stems(answer)].some((s) => topic.has(s))) {
    return 'Your answer does not mention anything the question asks about. Answer the question itself, in your own words.';
  }
  return null;
}
