'use server';

import { getActor } from '@/lib/server/actor';
import { type AnswerOutcome, answerForActor } from '@/lib/server/questions';

export type { AnswerOutcome };

/** Checks an answer on the server and returns the model answer when the asker may see it. */
export async function answerQuestion(input: unknown): Promise<AnswerOutcome> {
  return answerForActor(await getActor(), input);
}
