'use server';

import { getQuestion } from '@/lib/content/lessons';
import { AnswerQuestionSchema, answerSchema } from '@/lib/validation/question';

export type AnswerOutcome = { ok: true; model: string } | { ok: false; message: string };

/** Checks an answer on the server and, when it is a real answer, returns the model answer. */
export async function answerQuestion(input: unknown): Promise<AnswerOutcome> {
  const parsed = AnswerQuestionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'The answer could not be read.' };
  const found = getQuestion(parsed.data.questionId);
  if (!found) return { ok: false, message: 'There is no such question.' };
  const checked = answerSchema(found.question.minWords).safeParse({ answer: parsed.data.answer });
  if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? 'Write a longer answer.' };
  return { ok: true, model: found.question.model };
}
