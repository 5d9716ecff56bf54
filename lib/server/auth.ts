import 'server-only';
import { betterAuth } from 'better-auth';
import { isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { type Db, getDb } from './db/client';
import { dialectOf } from './db/dialect';
import { type Env, getEnv } from './env';
import { fail, ok, type Result } from './result';
import { issueDeviceCookie, limitSignIn, verifyDeviceCookie } from './sign-in-limits';

/** ASVS L1 2.1.1: at least 12 characters. 2.1.2: at least 64 allowed; better-auth's cap is 128. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** An instructor's session lasts 7 days; its expiry is pushed back at most once a day of use. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;
const SESSION_REFRESH_SECONDS = 24 * 60 * 60;

/**
 * Sign-in, sign-up and password changes: 10 attempts per 10 minutes per client address and
 * path. Slow enough to stop online guessing (ASVS 2.2.1), loose enough for a school where
 * several instructors share one public address.
 */
export const AUTH_RATE_RULE = { window: 600, max: 10 } as const;

export type CreateAuthOptions = {
  /**
   * Whether the email+password sign-up endpoint works. Off for the web app (instructor
   * accounts are created by a school admin with `npm run create-instructor`), on for that
   * script and for tests.
   */
  allowSignUp?: boolean;
  env?: Env;
};

/**
 * better-auth on the app's own database handle, so accounts, sessions and rate-limit rows
 * share one connection pool and one migration set. Passwords use better-auth's default
 * scrypt (N=16384, r=16, p=1: memory-hard, 32 MiB a guess, not a fast hash like bcrypt's
 * cheap settings or plain SHA). Sessions are rows in `session`: a new one (new random
 * token) at every sign-in, deleted at sign-out, 7 days long. The cookie cache stays off so
 * that a deleted session is refused at once.
 */
export function createAuth(db: Db, { allowSignUp = false, env = getEnv() }: CreateAuthOptions = {}) {
  // Browsers accept Secure cookies on http://localhost too, so only `next dev` goes without.
  const secure = env.nodeEnv !== 'development';
  return betterAuth({
    appName: 'Close Read',
    baseURL: env.appUrl,
    basePath: '/api/auth',
    secret: env.authSecret,
    database: { db, type: dialectOf(db) },
    emailAndPassword: {
      enabled: true,
      disableSignUp: !allowSignUp,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: SESSION_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      customRules: {
        '/sign-in/*': AUTH_RATE_RULE,
        '/sign-up/*': AUTH_RATE_RULE,
        '/change-password': AUTH_RATE_RULE,
      },
    },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
    },
    telemetry: { enabled: false },
    // Lets server actions that call auth.api.* set the session cookie; must stay last.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as typeof globalThis & { closeReadAuth?: Auth };

/** The app's better-auth instance on `getDb()`, created on first use; sign-up is off. */
export function getAuth(): Auth {
  holder.closeReadAuth ??= createAuth(getDb());
  return holder.closeReadAuth;
}

/**
 * Signs an instructor in from a server action: the sign-in limits (lib/server/sign-in-limits.ts:
 * a browser that signed in to this email before, shown by its device cookie, is never locked
 * out by other people's failures), then better-auth's own sign-in (which sets the session
 * cookie through nextCookies). Wrong credentials give one message, never saying which part
 * was wrong. On success it returns a fresh device cookie for the browser to keep.
 */
export async function signInInstructor(
  input: { email: string; password: string; ip: string; headers: Headers; deviceCookie?: string },
  auth: Auth = getAuth(),
  db: Db = getDb(),
  env: Env = getEnv(),
): Promise<Result<{ userId: string; deviceCookie: string }>> {
  const email = input.email.trim().toLowerCase();
  const deviceNonce = verifyDeviceCookie(env.authSecret, email, input.deviceCookie);
  const limited = await limitSignIn(db, { email, ip: input.ip, deviceNonce });
  if (limited) return limited;
  try {
    const result = await auth.api.signInEmail({ body: { email, password: input.password }, headers: input.headers });
    return ok({ userId: result.user.id, deviceCookie: issueDeviceCookie(env.authSecret, email) });
  } catch (error) {
    if (isAPIError(error)) return fail('invalid', 'The email or password is not right.');
    throw error;
  }
}
