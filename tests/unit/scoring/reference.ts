// A literal, slow transcription of LABELING-GUIDE.md "Scoring" (plus the engine's stated
// choices: exclusion decided on spans as given, before merging; touching spans not merged),
// for differential tests of the optimised engine. Figures and per-item status only.
import type { AnswerSpan, Figures, KeyItemFeedback, ScoringKeyItem } from '../../../lib/scoring';
import { LABELS, type Label } from '../../../lib/validation/labels';

type Span = { label: Label; start: number; end: number };

const size = (r: { start: number; end: number }) => r.end - r.start;
const common = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const delta = (s: Span, t: ScoringKeyItem) => (s.label === t.label || (t.accept ?? []).includes(s.label) ? 1 : 0);
const C = (s: Span, t: ScoringKeyItem, h: number) => (delta(s, t) * common(s, t)) / h;

function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const label of LABELS) {
    const mine = spans.filter((s) => s.label === label).sort((a, b) => a.start - b.start || a.end - b.end);
    for (const s of mine) {
      const last = out[out.length - 1];
      if (last && last.label === label && s.start < last.end) last.end = Math.max(last.end, s.end);
      else out.push({ ...s });
    }
  }
  return out;
}

export function referenceScore(key: ScoringKeyItem[], answers: AnswerSpan[]) {
  const T = key.filter((t) => !t.optional && size(t) > 0);
  const optional = key.filter((t) => t.optional && size(t) > 0);
  const given = answers.filter((s) => size(s) > 0);
  const earns = (s: Span) => T.some((t) => C(s, t, size(s)) > 0);
  const excused = (s: Span) => !earns(s) && optional.some((o) => delta(s, o) === 1 && common(s, o) > 0);
  const S = merge(given.filter((s) => !excused(s)));
  const perLabel: Partial<Record<Label, Figures>> = {};
  let [pNum, pDen, rNum, rDen] = [0, 0, 0, 0];
  for (const L of LABELS) {
    const SL = S.filter((s) => s.label === L);
    const TL = T.filter((t) => t.label === L);
    if (SL.length === 0 && TL.length === 0) continue;
    const p = SL.reduce(
      (sum, s) =>
        sum +
        Math.min(
          1,
          T.reduce((inner, t) => inner + C(s, t, size(s)), 0),
        ),
      0,
    );
    const r = TL.reduce(
      (sum, t) =>
        sum +
        Math.min(
          1,
          S.reduce((inner, s) => inner + C(s, t, size(t)), 0),
        ),
      0,
    );
    const precision = SL.length ? p / SL.length : 0;
    const recall = TL.length ? r / TL.length : 0;
    perLabel[L] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
    [pNum, pDen, rNum, rDen] = [pNum + p, pDen + SL.length, rNum + r, rDen + TL.length];
  }
  const precision = pDen ? pNum / pDen : 0;
  const recall = rDen ? rNum / rDen : 0;
  const overall = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  const status = new Map<string, KeyItemFeedback['status']>();
  for (const t of T) {
    const touching = given.filter((s) => common(s, t) > 0);
    status.set(
      t.id,
      touching.some((s) => s.label === t.label)
        ? 'found'
        : touching.some((s) => delta(s, t) === 1)
          ? 'found-accepted'
          : touching.length > 0
            ? 'wrong-label'
            : 'missed',
    );
  }
  const extras = answers.flatMap((s, i) =>
    size(s) > 0 && key.every((t) => size(t) === 0 || common(s, t) === 0) ? [i] : [],
  );
  return { perLabel, overall, status, extras };
}
