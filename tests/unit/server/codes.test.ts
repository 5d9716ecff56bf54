import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  formatResumeCode,
  hashResumeCode,
  hashToken,
  JOIN_CODE_LENGTH,
  newSessionToken,
  normalizeCode,
  randomCode,
} from '@/lib/server/codes';

describe('codes', () => {
  it('the alphabet leaves out the look-alikes 0, O, 1, I and L', () => {
    for (const ch of '01OIL') expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
  });

  it('join codes are 8 symbols from the alphabet, and 20,000 draws never repeat', () => {
    const codes = Array.from({ length: 20_000 }, () => randomCode(JOIN_CODE_LENGTH));
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('draws every symbol about equally often (no modulo bias toward the first ones)', () => {
    const counts = new Map<string, number>();
    for (const ch of randomCode(62_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // Expected 2,000 each; a biased draw (256 % 31 = 8 extra) would give the first 8 ~2,250.
    for (const n of counts.values()) expect(n).toBeGreaterThan(1750);
    for (const n of counts.values()) expect(n).toBeLessThan(2250);
  });

  it('codes are read back from any case, spacing or dashes', () => {
    expect(normalizeCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(formatResumeCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });

  it('session tokens carry 128 random bits; only their SHA-256 is stored', () => {
    const token = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it('resume-code hashes are scrypt, salted by class, and insensitive to formatting', async () => {
    const a = await hashResumeCode('ABCD-EFGH-JKMN', 'class-1');
    expect(a).toMatch(/^scrypt1\$[0-9a-f]{64}$/);
    expect(await hashResumeCode('abcdefghjkmn', 'class-1')).toBe(a);
    expect(await hashResumeCode('ABCD-EFGH-JKMN', 'class-2')).not.toBe(a);
  });
});
