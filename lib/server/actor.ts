import 'server-only';
import { cache } from 'react';
import { type Auth, getAuth } from './auth';
import { type Db, getDb } from './db/client';
import { getEnv } from './env';
import { STUDENT_SESSION_DAYS, studentFromSessionToken } from './students';

/** Who is asking: every data function takes one of these first. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'instructor'; userId: string; name: string }
  | { kind: 'student'; studentId: string; classId: string; displayName: string };

/** The student session cookie; it carries a random token whose SHA-256 is in student_session. */
export const STUDENT_COOKIE = 'cr_student';

/**
 * Attributes for the cr_student cookie: not readable by scripts, Secure except under
 * `next dev`, sent on top-level navigations from other sites (Lax) but not on their
 * sub-requests or form posts, 30 days.
 */
export function studentCookieOptions() {
  return {
    httpOnly: true,
    secure: getEnv().nodeEnv !== 'development',
    sameSite: 'lax' as const,
    path: '/',
    maxAge: STUDENT_SESSION_DAYS * 24 * 60 * 60,
  };
}

/**
 * The actor for a request's headers and student cookie value: an instructor if better-auth
 * finds a live session, else a student if the token is live, else anonymous.
 */
export async function resolveActor(
  request: { headers: Headers; studentToken: string | undefined },
  auth: Auth = getAuth(),
  db: Db = getDb(),
): Promise<Actor> {
  // Most requests come from students and self-learners: ask better-auth only when its cookie is there.
  const hasAuthCookie = request.headers.get('cookie')?.includes('session_token') ?? false;
  const session = hasAuthCookie ? await auth.api.getSession({ headers: request.headers }) : null;
  if (session) return { kind: 'instructor', userId: session.user.id, name: session.user.name };
  if (request.studentToken) {
    const student = await studentFromSessionToken(request.studentToken, db);
    if (student) return { kind: 'student', ...student };
  }
  return { kind: 'anonymous' };
}

/**
 * The actor of the current request (server components and actions), computed once per
 * request. next/headers is loaded lazily so that this module also loads outside Next.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const { cookies, headers } = await import('next/headers');
  const cookieStore = await cookies();
  // The cookies as they are now, not as the request brought them: after an action that
  // replaced the session (a password change ends the old one), the page drawn in its answer
  // must see the new session, or it would send the instructor to sign in again.
  const current = new Headers(await headers());
  current.set('cookie', cookieStore.toString());
  return resolveActor({ headers: current, studentToken: cookieStore.get(STUDENT_COOKIE)?.value });
});
