import { expect, it } from 'vitest';
import { createAuth, signInInstructor } from '@/lib/server/auth';
import {
  SIGN_IN_DEVICE_RULE,
  SIGN_IN_EMAIL_ADDRESS_RULE,
  SIGN_IN_EMAIL_RULE,
  verifyDeviceCookie,
} from '@/lib/server/sign-in-limits';
import { describeEachEngine, TEST_ENV } from './db-harness';
import { must } from './fixtures';

const EMAIL = 'teacher@school.test';
const PASSWORD = 'correct horse battery';

describeEachEngine('instructor sign-in limits', (h) => {
  const auth = () => createAuth(h.db, { allowSignUp: true, env: TEST_ENV });
  const attempt = (password: string, ip: string, deviceCookie?: string) =>
    signInInstructor({ email: EMAIL, password, ip, headers: new Headers(), deviceCookie }, auth(), h.db, TEST_ENV);

  it('a flood of wrong passwords from rotating addresses is refused, and the teacher’s browser still gets in', async () => {
    await auth().api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'T. Eacher' } });
    // The teacher signed in on their laptop before: it holds a device cookie for this email.
    const { deviceCookie } = must(await attempt(PASSWORD, '192.0.2.50'));
    expect(verifyDeviceCookie(TEST_ENV.authSecret, EMAIL, deviceCookie)).not.toBeNull();
    // The attacker: a new forged address every time, past the ceiling for unknown browsers.
    const flood = [];
    for (let i = 0; i < SIGN_IN_EMAIL_RULE.max + 10; i++) {
      flood.push(await attempt(`guess number ${i}`, `10.9.${i >> 8}.${i & 255}`));
    }
    expect(flood.slice(0, SIGN_IN_EMAIL_RULE.max - 1).every((r) => !r.ok && r.error === 'invalid')).toBe(true);
    expect(flood.slice(SIGN_IN_EMAIL_RULE.max).every((r) => !r.ok && r.error === 'rate-limited')).toBe(true);
    // The right password from an unknown browser waits too (the cost, said in the README) …
    expect(await attempt(PASSWORD, '198.51.100.77')).toMatchObject({ ok: false, error: 'rate-limited' });
    // … but the teacher's own browser signs in, from their usual address or another.
    expect(must(await attempt(PASSWORD, '192.0.2.50', deviceCookie)).userId).toBeTruthy();
    expect(must(await attempt(PASSWORD, '203.0.113.5', deviceCookie)).userId).toBeTruthy();
  }, 120_000);

  it('one address is refused after its own limit; a device cookie is bound to its email and guessed slowly', async () => {
    await auth().api.signUpEmail({ body: { email: EMAIL, password: PASSWORD, name: 'T. Eacher' } });
    await auth().api.signUpEmail({ body: { email: 'other@school.test', password: PASSWORD, name: 'O. Ther' } });
    for (let i = 0; i < SIGN_IN_EMAIL_ADDRESS_RULE.max; i++) await attempt('wrong password!', '10.1.1.1');
    expect(await attempt(PASSWORD, '10.1.1.1')).toMatchObject({ ok: false, error: 'rate-limited' });
    expect(must(await attempt(PASSWORD, '10.1.1.2')).userId).toBeTruthy();
    // Another instructor's cookie, a tampered one or garbage: not trusted for this email.
    const other = must(
      await signInInstructor(
        { email: 'other@school.test', password: PASSWORD, ip: '10.2.2.2', headers: new Headers() },
        auth(),
        h.db,
        TEST_ENV,
      ),
    ).deviceCookie;
    expect(verifyDeviceCookie(TEST_ENV.authSecret, EMAIL, other)).toBeNull();
    expect(verifyDeviceCookie(TEST_ENV.authSecret, EMAIL, `${other}x`)).toBeNull();
    expect(verifyDeviceCookie(TEST_ENV.authSecret, EMAIL, 'a.b.c')).toBeNull();
    expect(verifyDeviceCookie('another secret', 'other@school.test', other)).toBeNull();
    // A trusted cookie has its own, small budget: someone who stole it still guesses slowly.
    const { deviceCookie } = must(await attempt(PASSWORD, '10.3.3.3'));
    for (let i = 0; i < SIGN_IN_DEVICE_RULE.max; i++) await attempt('wrong password!', '10.3.3.3', deviceCookie);
    expect(await attempt(PASSWORD, '10.3.3.3', deviceCookie)).toMatchObject({ ok: false, error: 'rate-limited' });
  }, 60_000);
});
