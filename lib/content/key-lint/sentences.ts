// Sentence boundaries in an article's normalized text, for rules that look at "the same
// sentence". A paragraph break always ends a sentence; so does . ! or ? followed by
// closing quotes or brackets and a space, except after an initial ("U.S.", "J.") or a
// short abbreviation ("Mr.", "Dr.", "Jul."), which would split a sentence in two.

const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'No',
  'vs',
  'etc',
]);

/** Start and end offsets of every sentence in `text`, in order, covering the whole text. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  const boundary = /\n+|[.!?]["”’)\]]*[ \t\u00a0]+/g;
  for (const match of text.matchAll(boundary)) {
    const at = match.index ?? 0;
    if (match[0][0] !== '\n') {
      const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(start, at - 6), at))?.[1] ?? '';
      if (word.length === 1 || ABBREVIATIONS.has(word)) continue;
    }
    const end = at + match[0].length;
    ranges.push({ start, end });
    start = end;
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges;
}

/** The sentences a span touches, as one range from the first one's start to the last one's end. */
export function sentenceAround(
  ranges: readonly { start: number; end: number }[],
  span: { start: number; end: number },
): { start: number; end: number } {
  const touched = ranges.filter((r) => r.end > span.start && r.start < span.end);
  if (touched.length === 0) return span;
  return { start: touched[0]?.start ?? span.start, end: touched[touched.length - 1]?.end ?? span.end };
}
