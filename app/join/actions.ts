'use server';

import { cookies, headers } from 'next/headers';
import { STUDENT_COOKIE, studentCookieOptions } from '@/lib/server/actor';
import { clientAddress } from '@/lib/server/request';
import { joinClass, resumeStudent, type StudentSessionGrant } from '@/lib/server/students';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';
import { JoinClassSchema, ResumeSchema } from '@/lib/validation/classroom';

async function startStudentSession(grant: StudentSessionGrant) {
  (await cookies()).set(STUDENT_COOKIE, grant.sessionToken, { ...studentCookieOptions(), expires: grant.expiresAt });
}

/** Joins a class; the personal resume code comes back once, for the student to write down. */
export async function joinClassAction(
  input: unknown,
): Promise<ActionResult<{ className: string; resumeCode: string }>> {
  const parsed = JoinClassSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await joinClass({ ...parsed.data, ip: clientAddress(await headers()) });
  if (!result.ok) {
    return result.error === 'not-found'
      ? actionFailure(result.message, { joinCode: [result.message] })
      : actionFailure(
          result.message,
          // A blank or a taken name is the name field's problem; a paused class is not.
          result.error === 'invalid' || result.error === 'conflict' ? { displayName: [result.message] } : {},
        );
  }
  await startStudentSession(result.value);
  return { ok: true, className: result.value.className, resumeCode: result.value.resumeCode };
}

/** Signs a student back in with their class code and resume code. */
export async function resumeAction(input: unknown): Promise<ActionResult> {
  const parsed = ResumeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await resumeStudent({ ...parsed.data, ip: clientAddress(await headers()) });
  if (!result.ok) return actionFailure(result.message);
  await startStudentSession(result.value);
  return { ok: true };
}
