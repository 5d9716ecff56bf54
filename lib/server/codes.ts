import 'server-only';
import { createHash, randomBytes, scrypt } from 'node:crypto';

/**
 * Characters for codes people read aloud and type: digits and capitals without 0/O, 1/I/L,
 * which are easily confused. 31 symbols, so each carries log2(31) = 4.95 bits.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 8 symbols = 39.6 bits: guessing a class among thousands still takes ~10^8 tries. */
export const JOIN_CODE_LENGTH = 8;

/** 12 symbols = 59.4 bits, shown as three groups of four. */
export const RESUME_CODE_LENGTH = 12;

/** A uniformly random code from CODE_ALPHABET (rejection sampling: no modulo bias). */
export function randomCode(length: number): string {
  const out: string[] = [];
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out.push(CODE_ALPHABET[byte % CODE_ALPHABET.length] as string);
    }
  }
  return out.join('');
}

/** A code as typed (any case, spaces or dashes) in canonical form: upper case, symbols only. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** A resume code grouped for reading: ABCD-EFGH-JKMN. */
export function formatResumeCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A 128-bit random session token, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(16).toString('base64url');
}

/** SHA-256 (hex) of a session token: tokens are random, so a fast hash suffices for lookup. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** scrypt cost for resume codes: 16 MiB and ~40 ms, memory-hard like the password hash. */
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

/**
 * Hashes a resume code with scrypt. The salt is the class id (not random) so that a code
 * can be found by its hash within its class with one scrypt call; the 59 random bits of
 * the code, not the salt, are what make it unguessable.
 */
export function hashResumeCode(code: string, classId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(normalizeCode(code), `close-read:resume:${classId}`, SCRYPT.keylen, SCRYPT, (error, key) => {
      if (error) reject(error);
      else resolve(`scrypt1$${key.toString('hex')}`);
    });
  });
}
