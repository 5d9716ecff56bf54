/** Letters, digits and the apostrophes and hyphens inside words ("Iran’s", "anti-Iran"). */
const WORD_CHAR = /[\p{L}\p{N}’'\-_]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Widens a selection to whole words and trims the spaces at its ends (punctuation selected
 * stays), so that
 * "inister sai" becomes "minister said". Returns null when nothing but spaces is selected.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s] as string)) s++;
  while (e > s && /\s/u.test(text[e - 1] as string)) e--;
  if (s >= e) return null;
  while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  while (e < text.length && isWordChar(text[e]) && isWordChar(text[e - 1])) e++;
  return { start: s, end: e };
}

/** Start offset of the next word after `from` (or the text's end). */
export function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWordChar(text[i])) i++;
  while (i < text.length && !isWordChar(text[i])) i++;
  return i;
}

/** End offset of the word ending at or after `from`. */
export function wordEndAfter(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

/** Start offset of the word before `from` (or 0). */
export function previousWordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** The word around or after `at`: its start and end. */
export function wordAt(text: string, at: number): { start: number; end: number } {
  let s = at;
  while (s < text.length && !isWordChar(text[s])) s++;
  let e = s;
  while (e < text.length && isWordChar(text[e])) e++;
  while (s > 0 && isWordChar(text[s - 1])) s--;
  return { start: s, end: e };
}

/** The first word of the paragraph holding `at` (paragraphs end at a line break). */
export function paragraphFirstWord(text: string, at: number): { start: number; end: number } {
  return wordAt(text, at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0);
}

/** The first word of the next paragraph after the one holding `at`, or null in the last one. */
export function nextParagraphFirstWord(text: string, at: number): { start: number; end: number } | null {
  let i = text.indexOf('\n', at);
  if (i < 0) return null;
  while (i < text.length && !isWordChar(text[i])) i++;
  return i < text.length ? wordAt(text, i) : null;
}

/**
 * End of the sentence running on from `from`: just after the next ".", "!" or "?" (with any
 * closing quotes or brackets) that a space or a line break follows, or the paragraph's end.
 */
export function sentenceEndAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') return i;
    if (ch === '.' || ch === '!' || ch === '?') {
      let e = i + 1;
      while (e < text.length && /["”’)\]]/u.test(text[e] as string)) e++;
      if (e === text.length || /\s/u.test(text[e] as string)) return e;
    }
  }
  return text.length;
}
