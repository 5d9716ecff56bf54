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
});
