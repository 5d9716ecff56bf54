import 'server-only';
import { type ClassDisputes, classDisputes, type DisputeFigures } from '../../scoring/disputes';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { ok, type Result } from '../result';
import { isFailure } from './access';
import { type ClassKeyItem, toClassScoringKey } from './class-key';
import { loadClassKey, loadExerciseWork, reviewedExercise, scoringAnswers } from './review-load';

/** A core key item with the class's answers to it, and the prose an instructor needs beside them. */
export type DisputedItem = DisputeFigures & Pick<ClassKeyItem, 'quote' | 'explanation' | 'source'>;

export type Disputes = {
  classId: string;
  exerciseId: string;
  /** Submitted students: only their latest submissions count. */
  submitted: number;
  items: DisputedItem[];
  agreement: ClassDisputes['agreement'];
};

/**
 * Figures already computed, by what they were computed from (the key's items and each
 * student's latest submission): pairwise agreement is quadratic in the class size, and a
 * review page is reloaded often while nothing changes. Oldest out first.
 */
const computed = new Map<string, ClassDisputes>();
const CACHED = 64;

/**
 * Which key items of an exercise the class disputes, and how far the class agrees with itself
 * and with the key (lib/scoring/disputes.ts), for the instructor of the class; refuses
 * (forbidden / not-found) anyone else.
 */
export async function getDisputes(
  actor: Actor,
  assignmentId: string,
  exerciseId: string,
  db: Db = getDb(),
): Promise<Result<Disputes>> {
  const context = await reviewedExercise(db, actor, assignmentId, exerciseId);
  if (isFailure(context)) return context;
  const key = await loadClassKey(context.keys, context.assignment, exerciseId);
  const work = await loadExerciseWork(db, context.assignment, exerciseId, key);
  const students = work.flatMap((w) => (w.answers ? [{ id: w.studentId, answers: scoringAnswers(w.answers) }] : []));
  const scoringKey = toClassScoringKey(key.items);
  const fingerprint = JSON.stringify([
    assignmentId,
    exerciseId,
    scoringKey,
    work.map((w) => [w.submissionId, w.attempt]),
  ]);
  let figures = computed.get(fingerprint);
  if (!figures) {
    figures = classDisputes(scoringKey, students);
    if (computed.size >= CACHED) computed.delete(computed.keys().next().value as string);
    computed.set(fingerprint, figures);
  }
  const prose = new Map(key.items.map((item) => [item.id, item]));
  return ok({
    classId: context.assignment.class_id,
    exerciseId,
    submitted: students.length,
    items: figures.items.map((f) => {
      const item = prose.get(f.id) as ClassKeyItem;
      return { ...f, quote: item.quote, explanation: item.explanation, source: item.source };
    }),
    agreement: figures.agreement,
  });
}
