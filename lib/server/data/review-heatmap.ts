import 'server-only';
import { attributeChoices } from '../../scoring';
import { type HeatStretch, heatStretches } from '../../scoring/heat';
import { LABELS, type Label } from '../../validation/labels';
import type { Actor } from '../actor';
import { type Db, getDb } from '../db/client';
import { ok, type Result } from '../result';
import { isFailure } from './access';
import type { ClassKeyItem } from './class-key';
import { exerciseText, loadClassKey, loadExerciseWork, reviewedExercise, type StudentWork } from './review-load';

export type { HeatStretch } from '../../scoring/heat';

export type StudentRef = { studentId: string; name: string };

/**
 * A core key item and who found it (by its label or an accepted one), labeled it otherwise,
 * or missed it; `choices` counts the attribute (kind, voice, basis) the students who found it
 * with its own label chose, by value ('' for none chosen).
 */
export type KeyItemReview = ClassKeyItem & {
  found: StudentRef[];
  wrongLabel: StudentRef[];
  missed: StudentRef[];
  choices: Record<string, number>;
};

/** Student spans of one label that overlap nothing in the key, joined where they overlap. */
export type ExtraGroup = {
  label: Label;
  start: number;
  end: number;
  quote: string;
  /** Students with at least one span in the group. */
  students: number;
  /** Up to SAMPLE_QUOTES different quotes, the most given first. */
  samples: { quote: string; students: number }[];
  dismissed: { comment: string } | null;
};

export type Heatmap = {
  exerciseId: string;
  text: string;
  start: number;
  end: number;
  submitted: number;
  stretches: HeatStretch[];
  /** Every item of the class key (optional ones have empty found/missed lists). */
  keyItems: KeyItemReview[];
  /** Core items missed by at least one student, most missed first. */
  mostMissed: KeyItemReview[];
  /** Extras, the most students first. */
  extras: ExtraGroup[];
  /** Found items (student by student) whose attribute the student chose as the key has it, of all found with their own label. */
  attributesRight: { right: number; of: number };
};

/** Enough different wordings to see what students meant, few enough to read. */
const SAMPLE_QUOTES = 3;

/** Joins the extras of all students per label where they overlap. */
export function groupExtras(
  work: readonly StudentWork[],
  text: string,
  dismissals: readonly { label: string; start: number; end: number; comment: string }[],
): ExtraGroup[] {
  const groups: ExtraGroup[] = [];
  for (const label of LABELS) {
    const spans = work
      .flatMap((w) =>
        (w.result?.items ?? [])
          .filter((f) => f.type === 'extra' && f.label === label)
          .map((f) => ({ studentId: w.studentId, start: f.start, end: f.end })),
      )
      .sort((a, b) => a.start - b.start || a.end - b.end);
    let i = 0;
    while (i < spans.length) {
      const first = spans[i] as (typeof spans)[number];
      let groupEnd = first.end;
      let j = i + 1;
      while (j < spans.length && (spans[j] as (typeof spans)[number]).start < groupEnd) {
        groupEnd = Math.max(groupEnd, (spans[j] as (typeof spans)[number]).end);
        j += 1;
      }
      const members = spans.slice(i, j);
      const byQuote = new Map<string, Set<string>>();
      for (const m of members) {
        const quote = text.slice(m.start, m.end);
        let set = byQuote.get(quote);
        if (!set) byQuote.set(quote, (set = new Set()));
        set.add(m.studentId);
      }
      const dismissal = dismissals.find((d) => d.label === label && d.start <= first.start && d.end >= groupEnd);
      groups.push({
        label,
        start: first.start,
        end: groupEnd,
        quote: text.slice(first.start, groupEnd),
        students: new Set(members.map((m) => m.studentId)).size,
        samples: [...byQuote]
          .map(([quote, set]) => ({ quote, students: set.size }))
          .sort((a, b) => b.students - a.students || a.quote.localeCompare(b.quote))
          .slice(0, SAMPLE_QUOTES),
        dismissed: dismissal ? { comment: dismissal.comment } : null,
      });
      i = j;
    }
  }
  return groups.sort((a, b) => b.students - a.students || a.start - b.start);
}

/** Per class key item, who found it, labeled it otherwise, or missed it. */
function reviewItems(work: readonly StudentWork[], key: readonly ClassKeyItem[]): KeyItemReview[] {
  const reviews = new Map<string, KeyItemReview>(
    key.map((item) => [item.id, { ...item, found: [], wrongLabel: [], missed: [], choices: {} }]),
  );
  const keyAttribute = new Map(key.map((item) => [item.id, item.attribute]));
  for (const w of work) {
    if (!w.result) continue;
    for (const f of w.result.items) {
      if (f.type !== 'key') continue;
      const review = reviews.get(f.id);
      if (!review) continue;
      const ref = { studentId: w.studentId, name: w.name };
      if (f.status === 'found' || f.status === 'found-accepted') review.found.push(ref);
      else if (f.status === 'wrong-label') review.wrongLabel.push(ref);
      else review.missed.push(ref);
    }
    for (const c of attributeChoices(w.result, w.answers ?? [], keyAttribute)) {
      const review = reviews.get(c.itemId);
      if (review) review.choices[c.chosen ?? ''] = (review.choices[c.chosen ?? ''] ?? 0) + 1;
    }
  }
  return [...reviews.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The heatmap of one exercise of an assignment, for the instructor of its class: stretches
 * of text with per-label counts of the students who labeled them (latest submissions),
 * the class key's items with who found and missed each, the most-missed items and the
 * common extras. Refuses (forbidden / not-found) anyone else.
 */
export async function getHeatmap(
  actor: Actor,
  assignmentId: string,
  exerciseId: string,
  db: Db = getDb(),
): Promise<Result<Heatmap>> {
  const context = await reviewedExercise(db, actor, assignmentId, exerciseId);
  if (isFailure(context)) return context;
  const key = await loadClassKey(context.keys, context.assignment, exerciseId);
  const work = (await loadExerciseWork(db, context.assignment, exerciseId, key)).filter((w) => w.result);
  const { text, start, end } = exerciseText(context.resolved);
  const dismissals = await db
    .selectFrom('extra_dismissal')
    .select(['label', 'start', 'end', 'comment'])
    .where('assignment_id', '=', context.assignment.id)
    .where('exercise_id', '=', exerciseId)
    .orderBy('seq')
    .execute();
  const keyItems = reviewItems(work, key.items);
  return ok({
    exerciseId,
    text,
    start,
    end,
    submitted: work.length,
    stretches: heatStretches(
      work.map((w) => w.answers ?? []),
      key.items,
      text,
      start,
      end,
    ),
    keyItems,
    mostMissed: keyItems
      .filter((k) => !k.optional && k.missed.length > 0)
      .sort((a, b) => b.missed.length - a.missed.length || a.start - b.start),
    extras: groupExtras(work, text, dismissals),
    attributesRight: keyItems.reduce(
      (sum, k) => {
        for (const [value, n] of Object.entries(k.choices)) {
          sum.of += n;
          if (value !== '' && value === k.attribute) sum.right += n;
        }
        return sum;
      },
      { right: 0, of: 0 },
    ),
  });
}
