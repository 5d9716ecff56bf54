import { LABELS, type Label } from '../validation/labels';
import type { Figures, ScoreResult } from './types';

/** Mean figures over the students whose results score this label, and how many they are. */
export type MeanFigures = Figures & { students: number };

/** How a class did on one core key item. */
export type ItemTally = { found: number; wrongLabel: number; missed: number };

/** A class view of many submissions on one article. */
export type ClassSummary = {
  students: number;
  /** Mean per-label figures, over the students in whose result the label is scored. */
  perLabel: Partial<Record<Label, MeanFigures>>;
  /** Mean of each student's overall (micro-averaged) figures. */
  overall: MeanFigures;
  /** Per core key item id: students who found it (by its label or an accepted one), labeled it otherwise, or missed it. */
  items: Record<string, ItemTally>;
};

type Sums = { precision: number; recall: number; f1: number; students: number };

const zero = (): Sums => ({ precision: 0, recall: 0, f1: 0, students: 0 });

function addTo(sums: Sums, f: Figures): void {
  sums.precision += f.precision;
  sums.recall += f.recall;
  sums.f1 += f.f1;
  sums.students += 1;
}

function mean(sums: Sums): MeanFigures {
  const n = sums.students;
  return n === 0
    ? { ...sums }
    : { precision: sums.precision / n, recall: sums.recall / n, f1: sums.f1 / n, students: n };
}

/**
 * Folds results scored against one key into a class summary one at a time, so that a
 * whole class never has to be held in memory: the instructor's dashboard streams them.
 */
export class ClassAggregator {
  private readonly perLabel = new Map<Label, Sums>();
  private readonly overall = zero();
  private readonly items: Record<string, ItemTally> = {};

  /** Counts one student's result in: their figures and, per core item, whether they found it. */
  add(result: ScoreResult): void {
    addTo(this.overall, result.overall);
    for (const label of LABELS) {
      const figures = result.perLabel[label];
      if (!figures) continue;
      let sums = this.perLabel.get(label);
      if (!sums) this.perLabel.set(label, (sums = zero()));
      addTo(sums, figures);
    }
    for (const f of result.items) {
      if (f.type !== 'key') continue;
      let tally = this.items[f.id];
      if (!tally) this.items[f.id] = tally = { found: 0, wrongLabel: 0, missed: 0 };
      if (f.status === 'found' || f.status === 'found-accepted') tally.found += 1;
      else if (f.status === 'wrong-label') tally.wrongLabel += 1;
      else tally.missed += 1;
    }
  }

  /** Mean figures per label and overall (each student counts once) and the per-item tallies so far. */
  summary(): ClassSummary {
    const perLabel: ClassSummary['perLabel'] = {};
    for (const label of LABELS) {
      const sums = this.perLabel.get(label);
      if (sums) perLabel[label] = mean(sums);
    }
    const items: Record<string, ItemTally> = {};
    for (const [id, tally] of Object.entries(this.items)) items[id] = { ...tally };
    return { students: this.overall.students, perLabel, overall: mean(this.overall), items };
  }
}

/**
 * Summarises results scored against the same key for an instructor: mean figures per
 * label and overall (macro over students: each student counts once), and per key item how
 * many students found it. An empty list gives zeros and no items.
 */
export function aggregate(results: readonly ScoreResult[]): ClassSummary {
  const aggregator = new ClassAggregator();
  for (const result of results) aggregator.add(result);
  return aggregator.summary();
}
