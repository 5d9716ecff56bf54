import { LABELS } from '../validation/labels';
import { buildFeedback } from './feedback';
import { figuresOf, type Tally } from './figures';
import { mergeSameLabel } from './merge';
import { type PreparedKey, prepareKey } from './prepare';
import { labelCode, SpanTable, shared } from './table';
import type { AnswerSpan, ScoreResult, ScoringKeyItem } from './types';

/** Most credit one span can carry: "no single span's inner sum exceeds 1" (LABELING-GUIDE, Scoring). */
const MAX_INNER_SUM = 1;

/**
 * Working tables, reused from call to call so that scoring a class allocates little. Safe
 * because scoring is synchronous and calls nothing outside this module while they are in use.
 */
const given = new SpanTable(0);
const scored = new SpanTable(0);
const drawn = new SpanTable(0);

/** Fills `given` with the student's non-empty spans, sorted by position (ties: answer order); `ref` is the answer's index. */
function fillGiven(answers: readonly AnswerSpan[]): SpanTable {
  const order: number[] = [];
  for (let i = 0; i < answers.length; i++)
    if ((answers[i] as AnswerSpan).end > (answers[i] as AnswerSpan).start) order.push(i);
  order.sort((i, j) => {
    const a = answers[i] as AnswerSpan;
    const b = answers[j] as AnswerSpan;
    return a.start - b.start || a.end - b.end || i - j;
  });
  given.reset(order.length);
  for (const i of order) {
    const span = answers[i] as AnswerSpan;
    const code = labelCode(span.label);
    given.add(span.start, span.end, code, 1 << code, i);
  }
  return given;
}

/**
 * Which given spans enter S (1) or not (0). A span that earns no credit but overlaps an
 * optional item of a matching label is left out ("neither credit nor error"). This is
 * decided on each span as given, before merging, so that labeling an optional item never
 * dilutes a neighbouring span it would otherwise be merged with.
 */
function scoredRows(key: PreparedKey): { keep: Uint8Array; all: boolean } {
  const keep = new Uint8Array(given.size);
  let all = true;
  let c = 0;
  let o = 0;
  for (let r = 0; r < given.size; r++) {
    const start = given.start[r] as number;
    const end = given.end[r] as number;
    const bit = given.mask[r] as number;
    c = key.core.first(start, c);
    o = key.optional.first(start, o);
    const kept = key.core.touches(c, start, end, bit) || !key.optional.touches(o, start, end, bit);
    keep[r] = kept ? 1 : 0;
    if (!kept) all = false;
  }
  return { keep, all };
}

/**
 * Scores a student's answers against a key by the formula of LABELING-GUIDE.md: per-label
 * span precision and recall with partial-overlap credit (SemEval-2020 Task 11), F1 their
 * harmonic mean, overall figures micro-averaged over labels. Same-label overlapping spans
 * are merged first; spans holding no character are ignored. Pass a `prepareKey` result to
 * score many answer sets against one key. Never throws: validate user data with
 * `validateAnswers` first.
 */
export function score(key: readonly ScoringKeyItem[] | PreparedKey, answers: readonly AnswerSpan[]): ScoreResult {
  return scorePrepared(isPrepared(key) ? key : prepareKey(key), answers);
}

function isPrepared(key: readonly ScoringKeyItem[] | PreparedKey): key is PreparedKey {
  return !Array.isArray(key);
}

function scorePrepared(key: PreparedKey, answers: readonly AnswerSpan[]): ScoreResult {
  fillGiven(answers);
  const { keep, all } = scoredRows(key);
  const spans = mergeSameLabel(given, keep, scored);
  const tallies = LABELS.map(() => ({ precisionCredit: 0, answered: 0, recallCredit: 0, keyItems: 0, extra: 0 }));
  const { core, optional } = key;

  let c = 0;
  let o = 0;
  for (let s = 0; s < spans.size; s++) {
    const start = spans.start[s] as number;
    const end = spans.end[s] as number;
    const bit = spans.mask[s] as number;
    c = core.first(start, c);
    o = optional.first(start, o);
    let credit = 0;
    for (let j = c; j < core.size && (core.start[j] as number) < end; j++) {
      if (((core.mask[j] as number) & bit) !== 0)
        credit += shared(start, end, core.start[j] as number, core.end[j] as number);
    }
    const t = tallies[spans.label[s] as number] as (typeof tallies)[number];
    t.answered += 1;
    t.precisionCredit += Math.min(MAX_INNER_SUM, credit / (end - start));
    if (!core.touches(c, start, end) && !optional.touches(o, start, end)) t.extra += 1;
  }
  let s0 = 0;
  for (let j = 0; j < core.size; j++) {
    const start = core.start[j] as number;
    const end = core.end[j] as number;
    const mask = core.mask[j] as number;
    s0 = spans.first(start, s0);
    let credit = 0;
    for (let s = s0; s < spans.size && (spans.start[s] as number) < end; s++) {
      if (((spans.mask[s] as number) & mask) !== 0)
        credit += shared(start, end, spans.start[s] as number, spans.end[s] as number);
    }
    const t = tallies[core.label[j] as number] as (typeof tallies)[number];
    t.keyItems += 1;
    t.recallCredit += Math.min(MAX_INNER_SUM, credit / (end - start));
  }

  // Fit is judged on every span the student drew, excused or not; merge again only if some were left out.
  const { items, found } = buildFeedback(key, given, all ? spans : mergeSameLabel(given, null, drawn));

  const perLabel: ScoreResult['perLabel'] = {};
  const total: Tally = { precisionCredit: 0, answered: 0, recallCredit: 0, keyItems: 0 };
  LABELS.forEach((label, code) => {
    const t = tallies[code] as (typeof tallies)[number];
    if (t.answered === 0 && t.keyItems === 0) return;
    const hits = found[code] as number;
    const { precision, recall, f1 } = figuresOf(t);
    // Fields spelled out: an object spread here was a tenth of the time of scoring a class.
    perLabel[label] = {
      precision,
      recall,
      f1,
      answered: t.answered,
      keyItems: t.keyItems,
      found: hits,
      missed: t.keyItems - hits,
      extra: t.extra,
    };
    total.precisionCredit += t.precisionCredit;
    total.answered += t.answered;
    total.recallCredit += t.recallCredit;
    total.keyItems += t.keyItems;
  });
  return { perLabel, overall: figuresOf(total), items };
}
