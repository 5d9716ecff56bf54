import 'server-only';
import { randomUUID } from 'node:crypto';
import { getQuestion } from '../content/lessons';
import { AnswerDraftSchema, AnswerQuestionSchema, answerSchema, fillerProblem } from '../validation/question';
import type { Actor } from './actor';
import { assignmentForLesson } from './classroom-keys';
import { submitAnswer } from './data/answers';
import { isKeyReleased } from './data/assignments';
import { getDraft, saveDraft } from './data/drafts';
import { type Db, getDb } from './db/client';

/**
 * What answering a question gives back: the model answer, or (for a student whose class has
 * the lesson as an assignment whose key is not released yet) a notice instead of it. A
 * class student's answer is stored for their teacher, and the notice says so.
 */
export type AnswerOutcome =
  | { ok: true; model: string; notice?: string }
  | { ok: true; model: null; notice: string }
  | { ok: false; message: string };

/**
 * Checks an answer (long enough, a real answer rather than filler) and returns the model
 * answer under the same rule as the key: a self-guided reader gets it at once; a student of
 * a class that has the lesson as an assignment gets it once that assignment's key is
 * released to them (answering counts as submitting under 'on-submit').
 */
export async function answerForActor(actor: Actor, input: unknown, db: Db = getDb()): Promise<AnswerOutcome> {
  const parsed = AnswerQuestionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'The answer could not be read.' };
  const found = getQuestion(parsed.data.questionId);
  if (!found) return { ok: false, message: 'There is no such question.' };
  const checked = answerSchema(found.question.minWords).safeParse({ answer: parsed.data.answer });
  if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? 'Write a longer answer.' };
  const filler = fillerProblem(parsed.data.answer, `${found.question.prompt}\n${found.question.model}`);
  if (filler) return { ok: false, message: filler };
  if (actor.kind === 'student') {
    const assignment = await assignmentForLesson(db, actor, found.lesson.slug);
    if (assignment) {
      const stored = await submitAnswer(
        actor,
        {
          assignmentId: assignment.id,
          questionId: found.question.id,
          clientId: parsed.data.clientId ?? randomUUID(),
          answer: parsed.data.answer.trim(),
        },
        db,
      );
      if (!stored.ok) return { ok: false, message: stored.message };
      const sent = 'Your answer is saved for your teacher.';
      if (!isKeyReleased(assignment, new Date(), true)) {
        return {
          ok: true,
          model: null,
          notice: `${sent} The model answer appears when your teacher releases this lesson’s key.`,
        };
      }
      return { ok: true, model: found.question.model, notice: sent };
    }
  }
  return { ok: true, model: found.question.model };
}

/** What saving a written answer's draft says: saved, or not a class's work (self-guided: keep it in the browser). */
export type AnswerDraftOutcome = { ok: true; savedAt: string } | { ok: false; inClass: boolean; message: string };

/**
 * Keeps a class student's unchecked answer on the server, as exercise drafts are kept, so it
 * follows them to another device. Anyone who is not a student of a class that has the
 * lesson gets `inClass: false`, and their browser stops asking.
 */
export async function saveAnswerDraft(actor: Actor, input: unknown, db: Db = getDb()): Promise<AnswerDraftOutcome> {
  const parsed = AnswerDraftSchema.safeParse(input);
  if (!parsed.success) return { ok: false, inClass: true, message: 'The draft could not be read.' };
  const found = getQuestion(parsed.data.questionId);
  if (!found) return { ok: false, inClass: false, message: 'There is no such question.' };
  const assignment = actor.kind === 'student' ? await assignmentForLesson(db, actor, found.lesson.slug) : null;
  if (!assignment) return { ok: false, inClass: false, message: 'Not part of a class’s assignment.' };
  const saved = await saveDraft(
    actor,
    { assignmentId: assignment.id, exerciseId: found.question.id, answers: { answer: parsed.data.answer } },
    db,
  );
  return saved.ok ? { ok: true, savedAt: saved.value.updatedAt } : { ok: false, inClass: true, message: saved.message };
}

/**
 * A class student's written answer as they left it on any device: the draft kept on the
 * server, else the answer they last checked; null for anyone else or when there is none.
 */
export async function openAnswerDraft(actor: Actor, questionId: unknown, db: Db = getDb()): Promise<string | null> {
  if (actor.kind !== 'student' || typeof questionId !== 'string') return null;
  const found = getQuestion(questionId);
  const assignment = found ? await assignmentForLesson(db, actor, found.lesson.slug) : null;
  if (!found || !assignment) return null;
  const draft = await getDraft(actor, { assignmentId: assignment.id, exerciseId: found.question.id }, db);
  if (draft.ok && draft.value?.content.kind === 'answer') return draft.value.content.answer;
  const checked = await db
    .selectFrom('question_answer')
    .select('answer')
    .where('student_id', '=', actor.studentId)
    .where('assignment_id', '=', assignment.id)
    .where('question_id', '=', found.question.id)
    .executeTakeFirst();
  return checked?.answer ?? null;
}
