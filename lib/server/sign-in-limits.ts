import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/client';
import { consumeRateLimit, type RateRule } from './rate-limit';
import { type Failure, fail } from './result';

/*
 * Limits on instructor sign-in that stop password guessing without letting an attacker lock
 * the teacher out (OWASP: "Slow down online guessing attacks with device cookies"). A
 * browser where the instructor signed in before holds a device cookie, signed with the
 * server's secret and bound to the email; its attempts count only against that cookie, so a
 * flood of wrong passwords from elsewhere, from any number of addresses, leaves it working.
 * Every other browser counts against its address, the email at its address, and the email
 * from all unknown browsers together; only that last ceiling can be filled by an attacker,
 * and it shuts out unknown browsers only.
 */

const MINUTE = 60 * 1000;

/** Attempts per client address, any email: room for a school's instructors behind one NAT. */
export const SIGN_IN_ADDRESS_RULE: RateRule = { max: 30, windowMs: 10 * MINUTE };
/** Attempts per email from one address: a teacher mistyping, not a guesser. */
export const SIGN_IN_EMAIL_ADDRESS_RULE: RateRule = { max: 10, windowMs: 10 * MINUTE };
/** Attempts per email from browsers without its device cookie, from every address together. */
export const SIGN_IN_EMAIL_RULE: RateRule = { max: 50, windowMs: 60 * MINUTE };
/** Attempts per device cookie: a stolen cookie still guesses slowly. */
export const SIGN_IN_DEVICE_RULE: RateRule = { max: 10, windowMs: 10 * MINUTE };

export const DEVICE_COOKIE = 'cr_device';
/** A device cookie lasts a year: a school year of signing in on the same laptop. */
export const DEVICE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

const mac = (secret: string, email: string, nonce: string) =>
  createHmac('sha256', secret).update(`close-read device\n${email}\n${nonce}`).digest('base64url');

/** A new device cookie value for this (normalized) email. */
export function issueDeviceCookie(secret: string, email: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, email, nonce)}`;
}

/** The cookie's nonce when it was issued by this server for this email; null otherwise. */
export function verifyDeviceCookie(secret: string, email: string, cookie: string | undefined): string | null {
  const [nonce, signature, ...rest] = (cookie ?? '').split('.');
  if (!nonce || !signature || rest.length > 0 || nonce.length > 64) return null;
  const expected = Buffer.from(mac(secret, email, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : null;
}

/**
 * Counts one sign-in attempt and refuses it when a limit is full. `deviceNonce` is the
 * verified device cookie's nonce, or null for a browser this email never signed in on.
 */
export async function limitSignIn(
  db: Db,
  attempt: { email: string; ip: string; deviceNonce: string | null },
  now: Date = new Date(),
): Promise<Failure | null> {
  const ip = attempt.ip.slice(0, 64);
  const email = attempt.email.slice(0, 254);
  const checks: [string, RateRule][] = attempt.deviceNonce
    ? [[`sign-in:device:${attempt.deviceNonce}`, SIGN_IN_DEVICE_RULE]]
    : [
        [`sign-in:ip:${ip}`, SIGN_IN_ADDRESS_RULE],
        [`sign-in:email-ip:${email}:${ip}`, SIGN_IN_EMAIL_ADDRESS_RULE],
        [`sign-in:email:${email}`, SIGN_IN_EMAIL_RULE],
      ];
  for (const [key, rule] of checks) {
    const verdict = await consumeRateLimit(db, key, rule, now);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return fail(
        'rate-limited',
        `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      );
    }
  }
  return null;
}
