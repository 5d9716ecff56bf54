'use server';

import { getActor } from '@/lib/server/actor';
import {
  type AnswerDraftOutcome,
  type AnswerOutcome,
  answerForActor,
  openAnswerDraft,
  saveAnswerDraft,
} from '@/lib/server/questions';

export type { AnswerDraftOutcome, AnswerOutcome };

/** Checks an answer on the server and returns the model answer when the asker may see it. */
export async function answerQuestion(input: unknown): Promise<AnswerOutcome> {
  return answerForActor(await getActor(), input);
}

/** Keeps a class student's unchecked answer on the server; others are told to keep it in the browser. */
export async function saveAnswerDraftAction(input: unknown): Promise<AnswerDraftOutcome> {
  return saveAnswerDraft(await getActor(), input);
}

/** A class student's answer as they left it, on any device; null for anyone else. */
export async function openAnswerDraftAction(questionId: unknown): Promise<string | null> {
  return openAnswerDraft(await getActor(), questionId);
}
