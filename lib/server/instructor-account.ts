import 'server-only';
import { isAPIError } from 'better-auth/api';
import type { Actor } from './actor';
import { AUTH_RATE_RULE, type Auth, getAuth } from './auth';
import { type Db, getDb } from './db/client';
import { consumeRateLimit } from './rate-limit';
import { fail, ok, type Result } from './result';

/**
 * Changes the signed-in instructor's password and ends their other sessions. Limited like
 * sign-in (10 a window per account), since auth.api calls bypass better-auth's own limiter.
 * Fails with `forbidden` (not an instructor), `rate-limited`, or `invalid` (wrong current
 * password or a new one better-auth refuses).
 */
export async function changeInstructorPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string; headers: Headers },
  auth: Auth = getAuth(),
  db: Db = getDb(),
): Promise<Result<{ changed: true }>> {
  if (actor.kind !== 'instructor') return fail('forbidden', 'Sign in as an instructor first.');
  const verdict = await consumeRateLimit(db, `change-password:user:${actor.userId}`, {
    max: AUTH_RATE_RULE.max,
    windowMs: AUTH_RATE_RULE.window * 1000,
  });
  if (!verdict.allowed) {
    return fail(
      'rate-limited',
      `Too many attempts. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes.`,
    );
  }
  try {
    await auth.api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: input.headers,
    });
    return ok({ changed: true });
  } catch (error) {
    if (isAPIError(error)) return fail('invalid', 'The current password is not right.');
    throw error;
  }
}

/** Ends the instructor session these request headers carry (the cookie is cleared too). */
export async function signOutInstructor(headers: Headers, auth: Auth = getAuth()): Promise<void> {
  try {
    await auth.api.signOut({ headers });
  } catch (error) {
    // No session to end is not an error for someone signing out.
    if (!isAPIError(error)) throw error;
  }
}
