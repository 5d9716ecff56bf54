'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getLesson } from '@/lib/content/lessons';
import { getActor } from '@/lib/server/actor';
import { createAssignments, releaseKey } from '@/lib/server/data/assignments';
import { copyClass } from '@/lib/server/data/class-copy';
import { liftJoinLimit } from '@/lib/server/data/class-joins';
import { archiveClass, createClass, regenerateJoinCode, renameClass } from '@/lib/server/data/classes';
import { removeStudent, renameStudent, resetStudentResumeCode } from '@/lib/server/data/roster';
import type { Result } from '@/lib/server/result';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import { CopyClassSchema, shiftDays } from '@/lib/validation/assignment-control';
import {
  assignmentInstants,
  ClassNameSchema,
  CreateAssignmentSchema,
  StudentNameSchema,
} from '@/lib/validation/classroom';

/*
 * The instructor's class actions. Each asks getActor() again: the page's own check does not
 * protect an action, which anyone can call with any arguments. The data layer then checks
 * that the class, student or assignment belongs to this instructor.
 */

const IdSchema = z.string().min(1).max(100);

/** A data-layer result as a form result; refresh the instructor pages after a change. */
function settle<T, R extends object>(result: Result<T>, pick: (value: T) => R): ActionResult<R> {
  if (!result.ok) return actionFailure(result.message);
  revalidatePath('/instructor', 'layout');
  return { ok: true, ...pick(result.value) };
}

export async function createClassAction(input: unknown): Promise<ActionResult<{ classId: string }>> {
  const parsed = ClassNameSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  return settle(await createClass(await getActor(), parsed.data), (c) => ({ classId: c.id }));
}

export async function renameClassAction(classId: string, input: unknown): Promise<ActionResult> {
  const parsed = ClassNameSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(classId).success) return actionFailure('No such class.');
  return settle(await renameClass(await getActor(), classId, parsed.data.name), () => ({}));
}

export async function archiveClassAction(classId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(classId).success) return actionFailure('No such class.');
  return settle(await archiveClass(await getActor(), classId), () => ({
    message: 'Archived. Its work is kept; no one can join it any more.',
  }));
}

export async function regenerateJoinCodeAction(classId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(classId).success) return actionFailure('No such class.');
  return settle(await regenerateJoinCode(await getActor(), classId), (v) => ({
    message: `New class code: ${v.joinCode}. The old one no longer works.`,
  }));
}

export async function liftJoinLimitAction(classId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(classId).success) return actionFailure('No such class.');
  return settle(await liftJoinLimit(await getActor(), classId), () => ({
    message: 'For the next hour, any number of students can join with the class code.',
  }));
}

export async function resetResumeCodeAction(studentId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(studentId).success) return actionFailure('No such student.');
  return settle(await resetStudentResumeCode(await getActor(), studentId), (v) => ({
    message: `New resume code: ${v.resumeCode}. Give it to the student; it is shown only now.`,
  }));
}

export async function renameStudentAction(studentId: string, input: unknown): Promise<ActionResult> {
  const parsed = StudentNameSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(studentId).success) return actionFailure('No such student.');
  const result = await renameStudent(await getActor(), studentId, parsed.data.name);
  if (!result.ok && result.error !== 'not-found') return actionFailure(result.message, { name: [result.message] });
  return settle(result, () => ({}));
}

export async function removeStudentAction(studentId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(studentId).success) return actionFailure('No such student.');
  return settle(await removeStudent(await getActor(), studentId), () => ({ message: 'Removed, with all their work.' }));
}

export async function createAssignmentsAction(
  classId: string,
  input: unknown,
): Promise<ActionResult<{ count: number }>> {
  const parsed = CreateAssignmentSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(classId).success) return actionFailure('No such class.');
  const { lessonSlugs, releasePolicy, allowResubmit } = parsed.data;
  const unknown = lessonSlugs.filter((slug) => !getLesson(slug));
  if (unknown.length > 0)
    return actionFailure('Some lessons do not exist.', { lessonSlugs: [`No lesson ${unknown.join(', ')}.`] });
  const result = await createAssignments(await getActor(), {
    classId,
    lessonSlugs,
    ...assignmentInstants(parsed.data),
    releasePolicy,
    allowResubmit,
  });
  return settle(result, (rows) => ({ count: rows.length }));
}

export async function releaseKeyAction(assignmentId: string): Promise<ActionResult<{ message: string }>> {
  if (!IdSchema.safeParse(assignmentId).success) return actionFailure('No such assignment.');
  return settle(await releaseKey(await getActor(), assignmentId), () => ({
    message: 'Key released: students now see the comparison.',
  }));
}

export async function copyClassAction(classId: string, input: unknown): Promise<ActionResult<{ classId: string }>> {
  const parsed = CopyClassSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  if (!IdSchema.safeParse(classId).success) return actionFailure('No such class.');
  const { name, timeZone } = parsed.data;
  const result = await copyClass(await getActor(), classId, { name, shiftDays: shiftDays(parsed.data), timeZone });
  if (!result.ok && result.error === 'invalid') return actionFailure(result.message, { shift: [result.message] });
  return settle(result, (copy) => ({ classId: copy.classId }));
}
