import { scryptSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { resolveActor } from '@/lib/server/actor';
import { AUTH_RATE_RULE, createAuth, signInInstructor } from '@/lib/server/auth';
import { createClass } from '@/lib/server/data/classes';
import { describeEachEngine, TEST_ENV } from './db-harness';
import { makeStudent, must } from './fixtures';

const PASSWORD = 'correct horse battery';

/** The Cookie header a browser would send back after these Set-Cookie headers. */
function cookieHeader(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describeEachEngine('instructor auth (better-auth)', (h) => {
  const admin = () => createAuth(h.db, { allowSignUp: true, env: TEST_ENV });

  async function signUp(email = 'teacher@school.test') {
    return admin().api.signUpEmail({ body: { email, password: PASSWORD, name: 'T. Eacher' } });
  }

  async function signIn(auth = admin(), email = 'teacher@school.test') {
    return auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  }

  it('stores the password as an scrypt hash (N=16384, r=16), never as given', async () => {
    const { user } = await signUp();
    const account = await h.db
      .selectFrom('account')
      .selectAll()
      .where('userId', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(account.password).not.toContain(PASSWORD);
    const [salt, key] = (account.password ?? '').split(':');
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(key).toMatch(/^[0-9a-f]{128}$/);
    const expected = scryptSync(PASSWORD.normalize('NFKC'), salt as string, 64, {
      N: 16384,
      r: 16,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    expect(key).toBe(expected.toString('hex'));
  });

  it('refuses a password shorter than 12 characters', async () => {
    await expect(
      admin().api.signUpEmail({ body: { email: 'short@school.test', password: 'elevenchars', name: 'S' } }),
    ).rejects.toThrow(/short/i);
    expect(await h.db.selectFrom('user').selectAll().execute()).toHaveLength(0);
  });

  it('the web app’s instance does not allow self sign-up', async () => {
    const app = createAuth(h.db, { env: TEST_ENV });
    await expect(
      app.api.signUpEmail({ body: { email: 'x@school.test', password: PASSWORD, name: 'X' } }),
    ).rejects.toThrow();
  });

  it('each sign-in creates a new session token; sign-out deletes it server-side', async () => {
    await signUp();
    const first = await signIn();
    const second = await signIn();
    expect(first.response.token).not.toBe(second.response.token);
    expect(await h.db.selectFrom('session').selectAll().execute()).toHaveLength(2);

    const auth = admin();
    const cookies = new Headers({ cookie: cookieHeader(first.headers) });
    expect((await auth.api.getSession({ headers: cookies }))?.user.email).toBe('teacher@school.test');
    await auth.api.signOut({ headers: cookies });
    const left = await h.db.selectFrom('session').select('token').execute();
    expect(left.map((s) => s.token)).toEqual([second.response.token]);
    expect(await auth.api.getSession({ headers: cookies })).toBeNull();
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax for 7 days', async () => {
    await signUp();
    const { headers } = await signIn();
    const session = headers.getSetCookie().find((c) => c.includes('session_token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Max-Age=604800/);
  });

  it('resolves the actor from a session cookie or a student token', async () => {
    const { user } = await signUp();
    const auth = admin();
    const { headers } = await signIn(auth);
    const asInstructor = await resolveActor(
      { headers: new Headers({ cookie: cookieHeader(headers) }), studentToken: undefined },
      auth,
      h.db,
    );
    expect(asInstructor).toEqual({ kind: 'instructor', userId: user.id, name: 'T. Eacher' });

    const klass = must(await createClass(asInstructor, { name: 'C' }, h.db));
    const { grant } = await makeStudent(h.db, klass.joinCode, 'Ada');
    const asStudent = await resolveActor({ headers: new Headers(), studentToken: grant.sessionToken }, auth, h.db);
    expect(asStudent).toEqual({ kind: 'student', studentId: grant.studentId, classId: klass.id, displayName: 'Ada' });
    expect(await resolveActor({ headers: new Headers(), studentToken: 'forged' }, auth, h.db)).toEqual({
      kind: 'anonymous',
    });
  });

  it(`rate limits sign-in over HTTP after ${AUTH_RATE_RULE.max} attempts, stored in the database`, async () => {
    await signUp();
    const attempt = (auth: ReturnType<typeof admin>) =>
      auth.handler(
        new Request(`${TEST_ENV.appUrl}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', origin: TEST_ENV.appUrl },
          body: JSON.stringify({ email: 'teacher@school.test', password: 'wrong password here' }),
        }),
      );
    // Two instances on two handles stand for two server processes sharing the database.
    const one = admin();
    const two = createAuth(h.openAnother(), { allowSignUp: true, env: TEST_ENV });
    for (let i = 0; i < AUTH_RATE_RULE.max; i++) {
      expect((await attempt(i % 2 ? one : two)).status).toBe(401);
    }
    expect((await attempt(one)).status).toBe(429);
    expect((await attempt(two)).status).toBe(429);
    const rows = await h.db.selectFrom('rateLimit').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
  });

  it('signInInstructor (for server actions) checks the password and rate limits in the database', async () => {
    await signUp();
    const auth = admin();
    const input = { email: 'Teacher@School.test', ip: '198.51.100.20', headers: new Headers() };
    expect(must(await signInInstructor({ ...input, password: PASSWORD }, auth, h.db)).userId).toBeTruthy();
    expect(await signInInstructor({ ...input, password: 'not the password' }, auth, h.db)).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    for (let i = 2; i < AUTH_RATE_RULE.max; i++)
      await signInInstructor({ ...input, password: 'nope nope nope' }, auth, h.db);
    // The limit holds even for the right password, and across handles.
    const limited = await signInInstructor({ ...input, password: PASSWORD }, auth, h.openAnother());
    expect(limited).toMatchObject({ ok: false, error: 'rate-limited' });
  });
});
