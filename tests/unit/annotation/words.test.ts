import { describe, expect, it } from 'vitest';
import {
  isWordChar,
  nextWordStart,
  previousWordStart,
  snapToWords,
  wordAt,
  wordEndAfter,
} from '@/lib/annotation/words';

const TEXT = 'The minister said: “Iran’s anti-Iran talk” ends.';
const at = (word: string) => TEXT.indexOf(word);

describe('isWordChar', () => {
  it('counts letters, digits and inner apostrophes and hyphens as word characters', () => {
    for (const ch of ['a', 'É', '7', '’', "'", '-', '_']) expect(isWordChar(ch)).toBe(true);
    for (const ch of [' ', '“', ':', '.', '\n', undefined]) expect(isWordChar(ch)).toBe(false);
  });
});

describe('snapToWords', () => {
  it('widens a selection that cuts words to the whole words', () => {
    const s = at('inister');
    expect(snapToWords(TEXT, s, s + 'inister sai'.length)).toEqual({ start: at('minister'), end: at(':') });
  });
  it('trims spaces at both ends and accepts a reversed selection', () => {
    expect(snapToWords(TEXT, at('said') + 4, at(' minister'))).toEqual({ start: at('minister'), end: at(':') });
    // Punctuation that was selected stays: only spaces are trimmed.
    expect(snapToWords(TEXT, at(' minister'), at(':') + 2)).toEqual({ start: at('minister'), end: at(':') + 1 });
  });
  it('keeps apostrophes and hyphens inside a word', () => {
    expect(snapToWords(TEXT, at('Iran’s') + 2, at('Iran’s') + 3)).toEqual({ start: at('Iran’s'), end: at(' anti') });
    expect(snapToWords(TEXT, at('anti-') + 5, at('anti-') + 6)).toEqual({ start: at('anti-'), end: at(' talk') });
  });
  it('is null when only spaces are selected, and clamps to the text', () => {
    expect(snapToWords(TEXT, at(' minister'), at('minister'))).toBeNull();
    expect(snapToWords(TEXT, at('ends'), TEXT.length + 10)).toEqual({ start: at('ends'), end: TEXT.length });
    expect(snapToWords(TEXT, -5, 2)).toEqual({ start: 0, end: 3 });
  });
});

describe('word moves', () => {
  it('nextWordStart skips the rest of the word and what follows it', () => {
    expect(nextWordStart(TEXT, 0)).toBe(at('minister'));
    expect(nextWordStart(TEXT, at('said'))).toBe(at('Iran’s'));
    expect(nextWordStart(TEXT, at('ends'))).toBe(TEXT.length);
  });
  it('wordEndAfter finds the end of the next word', () => {
    expect(wordEndAfter(TEXT, at('said') + 4)).toBe(at('’s anti') + 2);
    expect(wordEndAfter(TEXT, TEXT.length)).toBe(TEXT.length);
  });
  it('previousWordStart finds the start of the word before', () => {
    expect(previousWordStart(TEXT, at('said'))).toBe(at('minister'));
    expect(previousWordStart(TEXT, at('said') + 2)).toBe(at('said'));
    expect(previousWordStart(TEXT, 0)).toBe(0);
  });
  it('wordAt gives the word around an offset, or the next one', () => {
    expect(wordAt(TEXT, at('minister') + 3)).toEqual({ start: at('minister'), end: at(' said') });
    expect(wordAt(TEXT, at(': “'))).toEqual({ start: at('Iran’s'), end: at(' anti') });
    expect(wordAt(TEXT, TEXT.length - 1)).toEqual({ start: TEXT.length, end: TEXT.length });
  });
});
