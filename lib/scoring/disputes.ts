import { LABELS, type Label } from '../validation/labels';
import { type PreparedKey, prepareKey } from './prepare';
import { score } from './score';
import type { AnswerSpan, ScoreResult, ScoringKeyItem } from './types';

/** One student's submitted spans on an exercise. */
export type Respondent = { id: string; answers: readonly AnswerSpan[] };

/** How the class answered one core key item: found it, labeled it otherwise, or left it. */
export type ItemResponse = 'found' | 'missed' | Label;

/** The class's answers to one core key item, and whether they call the key into question. */
export type DisputeFigures = {
  id: string;
  label: Label;
  /** Submitted students who found it (by its label or an accepted one). */
  found: number;
  /** Submitted students whose only spans over it carry another, not accepted, label. */
  otherLabel: number;
  /** Of those, how many chose each other label (a student counts once per label). */
  otherLabels: Partial<Record<Label, number>>;
  missed: number;
  /** The stronger half of the class for this item: ranked by F1 on the key without this item. */
  stronger: { size: number; found: number; otherLabel: number; missed: number };
  /** Most of the stronger half missed it or labeled it otherwise. */
  disputed: boolean;
  /**
   * The one answer other than the key's that at least two thirds of the class gave (and at
   * least three students): the class agrees among themselves here, not with the key.
   */
  classAnswer: { response: Exclude<ItemResponse, 'found'>; students: number } | null;
};

/** Mean F1 of students with each other and with the key, per label and overall. */
export type AgreementRow = {
  /** Mean over pairs of students of the F1 of one's spans scored against the other's (both ways). */
  peers: number | null;
  /** Pairs counted: pairs in which the label is scored at all. */
  pairs: number;
  /** Mean over students of their F1 against the key. */
  key: number | null;
  students: number;
};

export type Agreement = { perLabel: Partial<Record<Label, AgreementRow>>; overall: AgreementRow };

export type ClassDisputes = { items: DisputeFigures[]; agreement: Agreement };

/** Share of the class that must give one answer for the class to "agree" on it. */
const AGREEMENT_SHARE = 2 / 3;
/** Fewest students who make an agreement worth pointing out. */
const AGREEMENT_MIN = 3;

/** Each student's answer to one core item, read from their scored feedback. */
function responseOf(result: ScoreResult, itemId: string, answers: readonly AnswerSpan[]): ItemResponse[] {
  const feedback = result.items.find((f) => f.type === 'key' && f.id === itemId);
  if (!feedback || feedback.type !== 'key' || feedback.status === 'missed') return ['missed'];
  if (feedback.status === 'found' || feedback.status === 'found-accepted') return ['found'];
  const labels = new Set(feedback.answers.map((i) => (answers[i] as AnswerSpan).label));
  return [...labels];
}

/**
 * A student's spans turned into a key, so another student can be scored against them: spans
 * of one label that share a character are merged first (as scoring merges a student's own),
 * since a key never holds two overlapping items of one label.
 */
export function asKey(answers: readonly AnswerSpan[]): PreparedKey {
  const items: ScoringKeyItem[] = [];
  for (const label of LABELS) {
    const mine = answers
      .filter((a) => a.label === label && a.end > a.start)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    let open: ScoringKeyItem | null = null;
    for (const a of mine) {
      if (open && a.start < open.end) open.end = Math.max(open.end, a.end);
      else items.push((open = { id: `s${items.length}`, label, start: a.start, end: a.end }));
    }
  }
  return prepareKey(items);
}

/** F1 to nine places for ranking: figures equal in exact arithmetic tie, whatever the order of summing. */
export const rankable = (f1: number) => Math.round(f1 * 1e9) / 1e9;

function meanOf(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Pairwise agreement: every pair of students, each one's spans scored against the other's
 * as if they were the key (the scoring formula unchanged), the two F1 figures averaged; per
 * label only pairs in which the label is scored count. Beside it, the students' mean F1
 * against the key.
 */
export function agreementOf(results: readonly ScoreResult[], students: readonly Respondent[]): Agreement {
  const keys = students.map((s) => asKey(s.answers));
  const peer = new Map<Label | 'overall', number[]>();
  const push = (label: Label | 'overall', value: number) => {
    const list = peer.get(label);
    if (list) list.push(value);
    else peer.set(label, [value]);
  };
  for (let a = 0; a < students.length; a++) {
    for (let b = a + 1; b < students.length; b++) {
      const ab = score(keys[b] as PreparedKey, (students[a] as Respondent).answers);
      const ba = score(keys[a] as PreparedKey, (students[b] as Respondent).answers);
      // A pair in which neither labeled anything is not scored, as a label with no spans is not.
      if (Object.keys(ab.perLabel).length > 0) push('overall', (ab.overall.f1 + ba.overall.f1) / 2);
      for (const label of LABELS) {
        const x = ab.perLabel[label];
        const y = ba.perLabel[label];
        if (x && y) push(label, (x.f1 + y.f1) / 2);
      }
    }
  }
  const row = (label: Label | 'overall'): AgreementRow => {
    const pairs = peer.get(label) ?? [];
    const key = results.flatMap((r) => {
      if (label === 'overall') return Object.keys(r.perLabel).length > 0 ? [r.overall.f1] : [];
      const f = r.perLabel[label];
      return f ? [f.f1] : [];
    });
    return { peers: meanOf(pairs), pairs: pairs.length, key: meanOf(key), students: key.length };
  };
  const perLabel: Partial<Record<Label, AgreementRow>> = {};
  for (const label of LABELS) {
    const r = row(label);
    if (r.pairs > 0 || r.students > 0) perLabel[label] = r;
  }
  return { perLabel, overall: row('overall') };
}

/**
 * The disputed-item figures of a class on one exercise. `key` is the class key's items;
 * `students` the submitted students' latest spans (only they count). For each core item:
 * how many students found it, labeled it otherwise or missed it; the same among the stronger
 * half, who are ranked for this item by their overall F1 against the key without it (ties by
 * the order given, so the result does not depend on chance), the first ⌈n/2⌉; disputed when
 * more than half of that half missed it or labeled it otherwise.
 */
export function classDisputes(key: readonly ScoringKeyItem[], students: readonly Respondent[]): ClassDisputes {
  const prepared = prepareKey(key);
  const results = students.map((s) => score(prepared, s.answers));
  const strongerSize = Math.ceil(students.length / 2);
  const items = prepared.items
    .filter((item) => !item.optional && item.end > item.start)
    .map((item): DisputeFigures => {
      const responses = students.map((s, i) => responseOf(results[i] as ScoreResult, item.id, s.answers));
      const without = prepareKey(key.filter((k) => k.id !== item.id));
      const ranked = students
        .map((s, i) => ({ i, f1: rankable(score(without, s.answers).overall.f1) }))
        .sort((x, y) => y.f1 - x.f1 || x.i - y.i)
        .slice(0, strongerSize);
      const tally = (list: ItemResponse[][]) => ({
        found: list.filter((r) => r[0] === 'found').length,
        missed: list.filter((r) => r[0] === 'missed').length,
        otherLabel: list.filter((r) => r[0] !== 'found' && r[0] !== 'missed').length,
      });
      const all = tally(responses);
      const top = tally(ranked.map(({ i }) => responses[i] as ItemResponse[]));
      const otherLabels: Partial<Record<Label, number>> = {};
      const answerCounts = new Map<Exclude<ItemResponse, 'found'>, number>();
      for (const r of responses) {
        for (const response of r) {
          if (response === 'found') continue;
          answerCounts.set(response, (answerCounts.get(response) ?? 0) + 1);
          if (response !== 'missed') otherLabels[response] = (otherLabels[response] ?? 0) + 1;
        }
      }
      let classAnswer: DisputeFigures['classAnswer'] = null;
      for (const [response, count] of answerCounts) {
        if (count >= AGREEMENT_MIN && count >= AGREEMENT_SHARE * students.length) {
          if (!classAnswer || count > classAnswer.students) classAnswer = { response, students: count };
        }
      }
      return {
        id: item.id,
        label: item.label,
        ...all,
        otherLabels,
        stronger: { size: ranked.length, ...top },
        disputed: ranked.length > 0 && top.missed + top.otherLabel > ranked.length / 2,
        classAnswer,
      };
    });
  return { items, agreement: agreementOf(results, students) };
}
