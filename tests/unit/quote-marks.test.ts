import { describe, expect, it } from 'vitest';
import { quoted, takesSingleMarks } from '@/lib/quote-marks';

describe('quoting the article’s words', () => {
  it('uses double marks for words without a double mark of their own', () => {
    expect(quoted('He added')).toBe('“He added”');
    expect(quoted('a TV show called the “Opinion” in Albania')).toBe('“a TV show called the “Opinion” in Albania”');
    expect(quoted('Saddam’s crimes')).toBe('“Saddam’s crimes”');
  });

  it('uses single marks when the words begin or end with a double mark, curly or straight', () => {
    expect(quoted('“an example to everyone')).toBe('‘“an example to everyone’');
    expect(quoted('struggling for freedom.”')).toBe('‘struggling for freedom.”’');
    expect(quoted('"Terrorists"')).toBe('‘"Terrorists"’');
    expect(quoted('«Opinion»')).toBe('‘«Opinion»’');
  });

  it('says which marks a quotation takes', () => {
    expect(takesSingleMarks('“continues to receive funds')).toBe(true);
    expect(takesSingleMarks('it would “welcome” their assassination')).toBe(false);
    expect(takesSingleMarks('')).toBe(false);
  });
});
