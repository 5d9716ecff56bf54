import { LABELS } from '../validation/labels';
import type { PreparedKey } from './prepare';
import { labelOf, type Range, type SpanTable, shared } from './table';
import type { ItemFeedback, KeyItemFeedback, ScoringKeyItem } from './types';

/**
 * Share of a span the overlap must reach for a good fit: the guide's "half". Under half of
 * the student's span is too wide, under half of the key span is too narrow.
 */
const FIT_SHARE = 0.5;

/**
 * Fit of a student span on a key span. When the overlap is under half of both (a span
 * shifted off the item), the larger deficit names it: a span longer than the item is too
 * wide, a shorter one too narrow.
 */
export function fitOf(student: Range, key: Range): KeyItemFeedback['fit'] {
  const common = shared(student.start, student.end, key.start, key.end);
  const studentLength = student.end - student.start;
  const keyLength = key.end - key.start;
  const wide = common < FIT_SHARE * studentLength;
  const narrow = common < FIT_SHARE * keyLength;
  if (wide && narrow) return studentLength > keyLength ? 'too-wide' : 'too-narrow';
  if (wide) return 'too-wide';
  if (narrow) return 'too-narrow';
  return 'good';
}

/** Which of the student's merged spans decide a core item's status, and so its fit. */
const OWN = 0;
const ACCEPTED = 1;
const ANY = 2;

/** Fit of the merged span (of the deciding labels) sharing most characters with core row `j`; ties go to the shorter. */
function bestFit(spans: SpanTable, from: number, core: SpanTable, j: number, deciding: number): KeyItemFeedback['fit'] {
  const start = core.start[j] as number;
  const end = core.end[j] as number;
  const own = core.label[j] as number;
  const mask = core.mask[j] as number;
  let best = -1;
  let bestShared = 0;
  for (let s = from; s < spans.size && (spans.start[s] as number) < end; s++) {
    const label = spans.label[s] as number;
    if (deciding === OWN ? label !== own : deciding === ACCEPTED ? label === own || ((1 << label) & mask) === 0 : false)
      continue;
    const common = shared(start, end, spans.start[s] as number, spans.end[s] as number);
    const shorter =
      best !== -1 &&
      (spans.end[s] as number) - (spans.start[s] as number) <
        (spans.end[best] as number) - (spans.start[best] as number);
    if (common > bestShared || (common === bestShared && common > 0 && shorter)) {
      best = s;
      bestShared = common;
    }
  }
  if (best === -1) return null;
  return fitOf({ start: spans.start[best] as number, end: spans.end[best] as number }, { start, end });
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** At one place, what the key says comes before what the student added. */
const TYPE_ORDER: Record<ItemFeedback['type'], number> = { key: 0, optional: 1, extra: 2 };

/** Text order; at one place key items first, then optional, then extras by answer, then by label. */
function byFeedbackOrder(a: ItemFeedback, b: ItemFeedback): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    (a.type === 'extra' && b.type === 'extra' ? a.answer - b.answer : 0) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  );
}

/**
 * Feedback in text order: every core item (found, found-accepted, wrong-label or missed,
 * with its fit), every optional item a span overlaps (of a matching label: excused; of
 * another label that touches no core item: `otherwise`, a cost shown), and every
 * student span that overlaps nothing in the key as extra. Answer indexes are as given;
 * fit is judged on the student's spans merged per label. Also counts, per label code,
 * the core items found (by their label or an accepted one).
 */
export function buildFeedback(
  key: PreparedKey,
  given: SpanTable,
  spans: SpanTable,
): { items: ItemFeedback[]; found: number[] } {
  const { core, optional } = key;
  const items: ItemFeedback[] = [];
  const found = LABELS.map(() => 0);
  // Cursors for sweeping the student's tables in text order (see SpanTable.first).
  let g = 0;
  let m = 0;
  for (let j = 0; j < core.size; j++) {
    const item = key.items[core.ref[j] as number] as ScoringKeyItem;
    const start = core.start[j] as number;
    const end = core.end[j] as number;
    const own = core.label[j] as number;
    const mask = core.mask[j] as number;
    const touching: number[] = [];
    let deciding = -1;
    g = given.first(start, g);
    m = spans.first(start, m);
    for (let r = g; r < given.size && (given.start[r] as number) < end; r++) {
      if ((given.end[r] as number) <= start) continue;
      touching.push(given.ref[r] as number);
      const label = given.label[r] as number;
      const rank = label === own ? OWN : ((1 << label) & mask) !== 0 ? ACCEPTED : ANY;
      if (deciding === -1 || rank < deciding) deciding = rank;
    }
    const status =
      deciding === OWN
        ? 'found'
        : deciding === ACCEPTED
          ? 'found-accepted'
          : deciding === ANY
            ? 'wrong-label'
            : 'missed';
    if (deciding === OWN || deciding === ACCEPTED) found[own] = (found[own] as number) + 1;
    const fit = deciding === -1 ? null : bestFit(spans, m, core, j, deciding);
    items.push({
      type: 'key',
      id: item.id,
      label: item.label,
      start,
      end,
      status,
      fit,
      answers: touching.length > 1 ? touching.sort(ascending) : touching,
    });
  }
  g = 0;
  for (let k = 0; k < optional.size; k++) {
    const start = optional.start[k] as number;
    const end = optional.end[k] as number;
    const mask = optional.mask[k] as number;
    const matching: number[] = [];
    const otherwise: number[] = [];
    g = given.first(start, g);
    for (let r = g; r < given.size && (given.start[r] as number) < end; r++) {
      if ((given.end[r] as number) <= start) continue;
      const answer = given.ref[r] as number;
      if (((given.mask[r] as number) & mask) !== 0) matching.push(answer);
      else {
        // A span of another label earns nothing here and is not excused: it costs precision,
        // so the student sees it beside this item (unless a core item already shows it).
        const from = given.start[r] as number;
        if (!core.touches(core.first(from), from, given.end[r] as number)) otherwise.push(answer);
      }
    }
    if (matching.length === 0 && otherwise.length === 0) continue;
    const item = key.items[optional.ref[k] as number] as ScoringKeyItem;
    items.push({
      type: 'optional',
      id: item.id,
      label: item.label,
      start,
      end,
      answers: matching.sort(ascending),
      ...(otherwise.length > 0 ? { otherwise: otherwise.sort(ascending) } : {}),
    });
  }
  let c = 0;
  let o = 0;
  for (let r = 0; r < given.size; r++) {
    const start = given.start[r] as number;
    const end = given.end[r] as number;
    c = core.first(start, c);
    o = optional.first(start, o);
    if (core.touches(c, start, end) || optional.touches(o, start, end)) continue;
    items.push({ type: 'extra', answer: given.ref[r] as number, label: labelOf(given.label[r] as number), start, end });
  }
  return { items: items.sort(byFeedbackOrder), found };
}
