'use server';

import { cookies, headers } from 'next/headers';
import { getActor } from '@/lib/server/actor';
import { signInInstructor } from '@/lib/server/auth';
import { getEnv } from '@/lib/server/env';
import { changeInstructorPassword } from '@/lib/server/instructor-account';
import { clientAddress } from '@/lib/server/request';
import { DEVICE_COOKIE, DEVICE_COOKIE_SECONDS } from '@/lib/server/sign-in-limits';
import { ChangePasswordSchema, SignInSchema } from '@/lib/validation/account';
import { type ActionResult, actionFailure, invalidInput } from '@/lib/validation/action-result';

/** Signs an instructor in (rate limited: lib/server/sign-in-limits.ts). Never echoes the password. */
export async function signIn(input: unknown): Promise<ActionResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const requestHeaders = await headers();
  const cookieStore = await cookies();
  const result = await signInInstructor({
    email: parsed.data.email,
    password: parsed.data.password,
    ip: clientAddress(requestHeaders),
    headers: requestHeaders,
    deviceCookie: cookieStore.get(DEVICE_COOKIE)?.value,
  });
  if (!result.ok) return actionFailure(result.message);
  // Sent only to the sign-in page's actions; lets this browser in while others are locked out.
  cookieStore.set(DEVICE_COOKIE, result.value.deviceCookie, {
    httpOnly: true,
    secure: getEnv().nodeEnv !== 'development',
    sameSite: 'strict',
    path: '/instructor',
    maxAge: DEVICE_COOKIE_SECONDS,
  });
  return { ok: true };
}

/** Changes the signed-in instructor's password; their other sessions end. */
export async function changePassword(input: unknown): Promise<ActionResult> {
  const actor = await getActor();
  if (actor.kind !== 'instructor') return actionFailure('Sign in as an instructor first.');
  const parsed = ChangePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await changeInstructorPassword(actor, {
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    headers: await headers(),
  });
  if (result.ok) return { ok: true };
  return result.error === 'invalid'
    ? actionFailure(result.message, { currentPassword: [result.message] })
    : actionFailure(result.message);
}
