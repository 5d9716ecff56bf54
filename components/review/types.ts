// The shapes the review components draw, as the data layer hands them over (components never
// import lib/server; these are structural copies of its view types).
import type { Figures, LabelScore, ScoreResult } from '@/lib/scoring';
import type { AgreementRow, DisputeFigures } from '@/lib/scoring/disputes';
import type { Label } from '@/lib/validation/labels';

export type WorkStatus = 'not-started' | 'in-progress' | 'submitted' | 'late';

export const STATUS_NAMES: Record<WorkStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  submitted: 'Submitted',
  late: 'Submitted late',
};

export type RosterRowView = {
  studentId: string;
  name: string;
  status: WorkStatus;
  perLabel: Partial<Record<Label, LabelScore>>;
  overall: Figures | null;
};

export type StudentRef = { studentId: string; name: string };

export type KeyItemReviewView = {
  id: string;
  label: Label;
  start: number;
  end: number;
  quote: string;
  explanation: string;
  optional: boolean;
  source: 'file' | 'edited' | 'class';
  found: StudentRef[];
  wrongLabel: StudentRef[];
  missed: StudentRef[];
  /** The key's kind, voice or basis. */
  attribute: string | null;
  /** How many of the students who found it chose each attribute value ('' for none). */
  choices: Record<string, number>;
};

export type HeatStretchView = {
  start: number;
  end: number;
  counts: Record<Label, number>;
  any: number;
  keyItemIds: string[];
};

export type ExtraGroupView = {
  label: Label;
  start: number;
  end: number;
  quote: string;
  students: number;
  samples: { quote: string; students: number }[];
  dismissed: { comment: string } | null;
};

export type CommentViewModel = {
  id: string;
  start: number | null;
  end: number | null;
  quote: string | null;
  body: string;
  createdAt: string;
};

export type { Figures, LabelScore, ScoreResult };

/** A figure as a percentage with no decimals, for tables (the CSV keeps four decimals). */
export function percent(value: number | undefined | null): string {
  return value === undefined || value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** A core key item with the class's answers to it, and the words it covers. */
export type DisputedItemView = DisputeFigures & { quote: string };

/** Mean F1 of students with each other and with the key. */
export type AgreementRowView = AgreementRow;
