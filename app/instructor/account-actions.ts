'use server';

import { headers } from 'next/headers';
import { getActor } from '@/lib/server/actor';
import { signInInstructor } from '@/lib/server/auth';
import { changeInstructorPassword } from '@/lib/server/instructor-account';
import { clientAddress } from '@/lib/server/request';
import { ChangePasswordSchema, SignInSchema } from '@/lib/validation/account';
import { type ActionResult, failure, invalidInput } from '@/lib/validation/action-result';

/** Signs an instructor in (rate limited per address and per email). Never echoes the password. */
export async function signIn(input: unknown): Promise<ActionResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const requestHeaders = await headers();
  const result = await signInInstructor({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientAddress(requestHeaders),
    headers: requestHeaders,
  });
  return result.ok ? { ok: true } : failure(result.message);
}

/** Changes the signed-in instructor's password; their other sessions end. */
export async function changePassword(input: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (actor.kind !== 'instructor') return failure('Sign in as an instructor first.');
  const parsed = ChangePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeInstructorPassword(actor, {
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    headers: await headers(),
  });
  if (result.ok) return { ok: true };
  return result.error === 'invalid'
    ? failure(result.message, { currentPassword: [result.message] })
    : failure(result.message);
}
