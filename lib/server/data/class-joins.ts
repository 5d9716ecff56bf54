import 'server-only';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { isAhead } from '../instants';
import { fail, ok, type Result } from '../result';
import { JOIN_LIFT_MS, JOINS_PER_CLASS_PER_HOUR, recentJoins } from '../students';
import { isFailure, ownedClass } from './access';

/** Joining in the last hour, as the class's instructor sees it. */
export type JoinActivity = {
  /** Students who joined in the last hour. */
  lastHour: number;
  /** New students an hour before joining pauses. */
  ceiling: number;
  /** Until when the instructor lifted the ceiling, when that is still ahead; else null. */
  liftedUntil: string | null;
  /** Whether a new student would be turned away now. */
  paused: boolean;
};

/** How many students joined the class in the last hour, and whether joining has paused. */
export async function getJoinActivity(
  actor: Actor,
  classId: string,
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<Result<JoinActivity>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  const lastHour = await recentJoins(db, klass.id, now);
  const liftedUntil = isAhead(klass.joins_lifted_until, now) ? klass.joins_lifted_until : null;
  return ok({
    lastHour,
    ceiling: JOINS_PER_CLASS_PER_HOUR,
    liftedUntil,
    paused: liftedUntil === null && lastHour >= JOINS_PER_CLASS_PER_HOUR,
  });
}

/** Lets any number of students join the class for the next hour; its instructor only. */
export async function liftJoinLimit(
  actor: Actor,
  classId: string,
  db: Db = getDb(),
  now: Date = new Date(),
): Promise<Result<{ liftedUntil: string }>> {
  const klass = await ownedClass(db, actor, classId);
  if (isFailure(klass)) return klass;
  if (klass.archived_at) return fail('archived', 'This class is archived.');
  const liftedUntil = new Date(now.getTime() + JOIN_LIFT_MS).toISOString();
  await db.updateTable('class').set({ joins_lifted_until: liftedUntil }).where('id', '=', klass.id).execute();
  return ok({ liftedUntil });
}
