import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchor, resolveQuote } from '@/lib/annotation/anchor';

const text = 'The minister said the plan works. Reports said the plan works.';

describe('resolveQuote', () => {
  it('finds a unique quote', () => {
    expect(resolveQuote(text, { exact: 'minister said' })).toEqual({ ok: true, value: { start: 4, end: 17 } });
  });

  it('refuses an ambiguous quote and names it', () => {
    const result = resolveQuote(text, { exact: 'the plan works' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('occurs 2 times');
  });

  it('uses prefix and suffix to disambiguate', () => {
    expect(resolveQuote(text, { exact: 'the plan works', prefix: 'Reports said ' })).toEqual({
      ok: true,
      value: { start: 47, end: 61 },
    });
    expect(resolveQuote(text, { exact: 'the plan works', suffix: '. Reports' })).toEqual({
      ok: true,
      value: { start: 18, end: 32 },
    });
  });

  it('reports a missing or empty quote', () => {
    expect(resolveQuote(text, { exact: 'nobody said' }).ok).toBe(false);
    expect(resolveQuote(text, { exact: '' }).ok).toBe(false);
  });

  it('round-trips any unique substring (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (s, a, b) => {
        const start = a % s.length;
        const end = start + 1 + (b % (s.length - start));
        const exact = s.slice(start, end);
        const result = resolveQuote(s, { exact });
        if (s.indexOf(exact) === s.lastIndexOf(exact)) {
          expect(result).toEqual({
            ok: true,
            value: { start: s.indexOf(exact), end: s.indexOf(exact) + exact.length },
          });
        } else {
          expect(result.ok).toBe(false);
        }
      }),
    );
  });
});

describe('reanchor', () => {
  it('keeps a position whose quote still matches, and searches when the text moved', () => {
    expect(reanchor(text, { start: 4, end: 17 }, { exact: 'minister said' })).toEqual({
      ok: true,
      value: { start: 4, end: 17 },
    });
    const moved = `Update: ${text}`;
    expect(reanchor(moved, { start: 4, end: 17 }, { exact: 'minister said' })).toEqual({
      ok: true,
      value: { start: 12, end: 25 },
    });
  });
});
