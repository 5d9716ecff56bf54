/** A display paragraph: a half-open range of the normalized text, rendered verbatim. */
export type Paragraph = { start: number; end: number };

/** Paragraphs longer than this are split at sentence ends for reading comfort. */
export const MAX_PARAGRAPH_CHARS = 700;

const SENTENCE_END = /[.!?][”"’)]?\s+(?=[“"A-Z0-9])/g;

function splitLong(text: string, start: number, end: number): Paragraph[] {
  const out: Paragraph[] = [];
  let from = start;
  const slice = text.slice(start, end);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m; m = SENTENCE_END.exec(slice)) {
    const cut = start + m.index + m[0].length;
    if (cut - from >= MAX_PARAGRAPH_CHARS / 2 && end - cut > 80) {
      out.push(trim(text, from, cut));
      from = cut;
    }
  }
  out.push(trim(text, from, end));
  return out;
}

function trim(text: string, start: number, end: number): Paragraph {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

/**
 * Splits the text into display paragraphs at line breaks, and long ones at sentence ends.
 * Offsets are never changed: every paragraph is `text.slice(start, end)`; what lies between
 * paragraphs is only whitespace.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const p = trim(text, m.index, m.index + m[0].length);
    if (p.end <= p.start) continue;
    if (p.end - p.start > MAX_PARAGRAPH_CHARS) out.push(...splitLong(text, p.start, p.end));
    else out.push(p);
  }
  return out;
}
