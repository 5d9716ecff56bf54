// The class heatmap by whole words: which students labeled each word, and the stretches of
// neighbouring words that the same students labeled. Pure: no React, no database.
import { isWordChar } from '../annotation/words';
import { LABELS, type Label } from '../validation/labels';
import type { AnswerSpan } from './types';

/** A word of the text: half-open offsets, letters and digits with their inner apostrophes and hyphens. */
export type Word = { start: number; end: number };

/**
 * Whole words labeled by the same students (per label) and lying under the same key items.
 * `counts` are per label; `any` counts the students who gave any label to it. A stretch runs
 * from its first word's start to its last word's end, so it never starts or ends inside a word.
 */
export type HeatStretch = {
  start: number;
  end: number;
  counts: Record<Label, number>;
  any: number;
  keyItemIds: string[];
};

/** The words of text[start, end), in order. */
export function wordsIn(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  let i = start;
  while (i < end) {
    while (i < end && !isWordChar(text[i])) i++;
    if (i >= end) break;
    const from = i;
    while (i < end && isWordChar(text[i])) i++;
    words.push({ start: from, end: i });
  }
  return words;
}

/** Index of the first word that ends after `offset` (binary search; words are sorted). */
function firstWordEndingAfter(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as Word).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes of the words a span shares at least one character with. */
function wordsUnder(words: readonly Word[], span: { start: number; end: number }): number[] {
  const hit: number[] = [];
  for (let i = firstWordEndingAfter(words, span.start); i < words.length; i++) {
    if ((words[i] as Word).start >= span.end) break;
    hit.push(i);
  }
  return hit;
}

/**
 * The heatmap of text[start, end): one entry per student (their answers, or none), key items
 * by id. A student labeled a word with a label when one of their spans of that label shares
 * a character with it; a word lies under a key item the same way. Neighbouring words with
 * the same students per label and the same key items are joined into one stretch; words no
 * student labeled and no key item covers are left out.
 */
export function heatStretches(
  answerSets: readonly (readonly AnswerSpan[])[],
  key: readonly { id: string; start: number; end: number }[],
  text: string,
  start: number,
  end: number,
): HeatStretch[] {
  const words = wordsIn(text, start, end);
  const byLabel = new Map<Label, number[][]>(LABELS.map((l) => [l, words.map(() => [])]));
  const anyCount = new Array<number>(words.length).fill(0);
  const lastStudent = new Array<number>(words.length).fill(-1);
  answerSets.forEach((answers, student) => {
    for (const label of LABELS) {
      const lists = byLabel.get(label) as number[][];
      const seen = new Set<number>();
      for (const span of answers) {
        if (span.label !== label) continue;
        for (const w of wordsUnder(words, span)) {
          if (seen.has(w)) continue;
          seen.add(w);
          (lists[w] as number[]).push(student);
          if (lastStudent[w] !== student) {
            lastStudent[w] = student;
            anyCount[w] = (anyCount[w] as number) + 1;
          }
        }
      }
    }
  });
  const keyIds: string[][] = words.map(() => []);
  for (const item of key) for (const w of wordsUnder(words, item)) (keyIds[w] as string[]).push(item.id);

  const stretches: HeatStretch[] = [];
  let lastSignature = '';
  let lastWord = -2;
  words.forEach((word, w) => {
    if (anyCount[w] === 0 && (keyIds[w] as string[]).length === 0) return;
    const students = LABELS.map((l) => ((byLabel.get(l) as number[][])[w] as number[]).join(','));
    const signature = `${students.join('|')}#${(keyIds[w] as string[]).join(',')}`;
    const last = stretches[stretches.length - 1];
    if (last && lastWord === w - 1 && signature === lastSignature) {
      last.end = word.end;
    } else {
      stretches.push({
        start: word.start,
        end: word.end,
        counts: Object.fromEntries(
          LABELS.map((l) => [l, ((byLabel.get(l) as number[][])[w] as number[]).length]),
        ) as Record<Label, number>,
        any: anyCount[w] as number,
        keyItemIds: [...(keyIds[w] as string[])],
      });
    }
    lastSignature = signature;
    lastWord = w;
  });
  return stretches;
}

/** How many students a stretch counts for the shading: one label's, or any label's (null). */
export function heatCount(stretch: Pick<HeatStretch, 'counts' | 'any'>, label: Label | null): number {
  return label ? stretch.counts[label] : stretch.any;
}

/** The stretches most students labeled (by `label`, or any), most first, then in text order. */
export function mostLabeled<T extends Pick<HeatStretch, 'counts' | 'any' | 'start'>>(
  stretches: readonly T[],
  label: Label | null,
  limit: number,
): T[] {
  return stretches
    .filter((s) => heatCount(s, label) > 0)
    .sort((a, b) => heatCount(b, label) - heatCount(a, label) || a.start - b.start)
    .slice(0, limit);
}
