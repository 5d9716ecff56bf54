// How the demo class answers (npm run seed-demo): drawn the way students label, from the
// answer key and a seeded random source, so every run gives the same class.
//
// What it draws, per student and exercise:
// - a skill between 0.35 and 0.95: the chance of finding each core key item (optional items
//   a third of that);
// - every span whole words (as the labeling pen snaps them): the key item's own words three
//   times in five, otherwise one or two words wider or narrower at either end;
// - one label in ten swapped for another of the exercise's labels (a wrong label);
// - up to three common extras: stretches outside every key item that about 45%, 30% and 20%
//   of students label, a word more or less at the start or end: a name, or a verb of saying
//   with the words before it (see TEMPTING), labeled sourcing where the exercise has it;
// - one student in seven stops halfway: nothing after the middle of the exercise's text.
import { isWordChar, nextWordStart, previousWordStart, snapToWords, wordEndAfter } from '../lib/annotation/words';
import type { AnswerSpan } from '../lib/scoring';
import type { Label } from '../lib/validation/labels';

type Span = { start: number; end: number };
type Item = Span & { label: Label; optional?: boolean };

/** Share of students labeling each common extra, most common first. */
const EXTRA_SHARES = [0.45, 0.3, 0.2];
const EXACT_SHARE = 0.6;
const WRONG_LABEL_SHARE = 0.1;
const STOP_HALFWAY_SHARE = 1 / 7;
/** Words in a common extra: short, like an attribution or a loaded phrase. */
const EXTRA_WORDS = 3;

/** mulberry32: small, fast and seedable, enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** End offset of the word before the one ending at `end`. */
function previousWordEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  return i;
}

/** Moves a span's ends by whole words (negative: start earlier / end earlier), kept inside `range`. */
export function shiftByWords(text: string, span: Span, startBy: number, endBy: number, range: Span): Span {
  let start = span.start;
  let end = span.end;
  for (let i = 0; i < Math.abs(startBy); i++)
    start = startBy < 0 ? previousWordStart(text, start) : nextWordStart(text, start);
  for (let i = 0; i < Math.abs(endBy); i++) end = endBy > 0 ? wordEndAfter(text, end) : previousWordEnd(text, end);
  start = Math.max(range.start, start);
  end = Math.min(range.end, end);
  const snapped = end > start ? snapToWords(text, start, end) : null;
  return snapped ?? (snapToWords(text, span.start, span.end) as Span);
}

/**
 * What students reach for when they label outside the key: a verb of saying or judging with
 * the two words before it in its sentence ("the ministry said"), or a name of two or three
 * capitalized words (the source's name without its verb).
 */
const TEMPTING = [
  /(?<=^|[\s(])[\p{L}’'-]+ [\p{L}’'-]+ (said|says|told|reported|claimed|called|described|believed|accused|warned|insisted)\b/gu,
  /(?<=[a-z,] )\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){1,2}\b/gu,
];

/**
 * Up to `count` stretches that overlap no key item, as students would add them (TEMPTING),
 * spread over the range; where the text has too few, short stretches (EXTRA_WORDS words)
 * at even steps.
 */
export function extraStretches(text: string, key: readonly Span[], range: Span, count: number): Span[] {
  const free = (s: Span) =>
    s.start >= range.start &&
    s.end <= range.end &&
    !text.slice(s.start, s.end).includes('\n') &&
    !key.some((k) => k.start < s.end && s.start < k.end);
  const tempting: Span[] = [];
  for (const pattern of TEMPTING) {
    for (const match of text.slice(range.start, range.end).matchAll(pattern)) {
      const start = range.start + (match.index ?? 0);
      const span = { start, end: start + match[0].length };
      if (free(span)) tempting.push(span);
    }
  }
  tempting.sort((a, b) => a.start - b.start);
  const found: Span[] = [];
  const apart = (c: Span) => found.every((f) => f.end < c.start || f.start > c.end);
  for (let n = 0; n < count && tempting.length > 0; n++) {
    const pick = tempting[Math.floor(((n + 0.5) * tempting.length) / count)];
    if (pick && apart(pick)) found.push(pick);
  }
  const step = Math.floor((range.end - range.start) / (count + 1));
  for (let n = 1; found.length < count && n <= count; n++) {
    for (let at = nextWordStart(text, range.start + n * step); at < range.end; at = nextWordStart(text, at)) {
      let end = at;
      for (let w = 0; w < EXTRA_WORDS; w++) end = wordEndAfter(text, end);
      const candidate = { start: at, end };
      if (free(candidate) && apart(candidate)) {
        found.push(candidate);
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The label a common extra gets: sourcing where the exercise asks for it (a name taken for a source), else its first. */
export function extraLabel(labels: readonly Label[]): Label {
  return labels.includes('sourcing') ? 'sourcing' : (labels[0] as Label);
}

export type DemoExercise = {
  text: string;
  key: readonly Item[];
  labels: readonly Label[];
  range: Span;
  extras: Span[];
};

/** One student's answers to one exercise. */
export function drawAnswers(exercise: DemoExercise, random: () => number): AnswerSpan[] {
  const { text, key, labels, range, extras } = exercise;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const skill = 0.35 + random() * 0.6;
  const halfway = random() < STOP_HALFWAY_SHARE ? range.start + (range.end - range.start) / 2 : range.end;
  const otherLabel = (label: Label) => {
    const others = labels.filter((l) => l !== label);
    return others.length > 0 && random() < WRONG_LABEL_SHARE ? (others[int(0, others.length - 1)] as Label) : label;
  };
  const answers: AnswerSpan[] = [];
  for (const item of key) {
    if (random() > (item.optional ? skill / 3 : skill)) continue;
    const exact = random() < EXACT_SHARE;
    const span = exact ? item : shiftByWords(text, item, int(-2, 1), int(-1, 2), range);
    answers.push({ label: otherLabel(item.label), start: span.start, end: span.end });
  }
  extras.forEach((extra, i) => {
    if (random() >= (EXTRA_SHARES[i] ?? 0)) return;
    const span = shiftByWords(text, extra, int(-1, 0), int(0, 1), range);
    answers.push({ label: extraLabel(labels), start: span.start, end: span.end });
  });
  return answers.filter((a) => a.start < halfway).sort((a, b) => a.start - b.start);
}
