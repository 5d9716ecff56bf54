import { z } from 'zod';
import { SPAN_FIELDS } from './answer';
import { LABELS } from './labels';
import { MAX_ID_CHARS } from './limits';

/** Longest explanation of a span accepted into a class's key: as long as a file key's (MAX_EXPLANATION_CHARS). */
export const MAX_ADDITION_EXPLANATION_CHARS = 400;
/** Shortest explanation: a student reads it, so a word or two is not one. */
export const MIN_ADDITION_EXPLANATION_CHARS = 10;
/** Longest instructor comment on a submission or a dismissed extra. */
export const MAX_COMMENT_CHARS = 2_000;
/** Bins of the per-label score distribution: tenths read easily. */
export const DISTRIBUTION_BINS = 10;

const offset = z.number().int().min(0);

function endAfterStart(value: { start?: number | undefined; end?: number | undefined }): boolean {
  return value.start === undefined || value.end === undefined || value.end > value.start;
}
const END_ISSUE = { error: 'The span must end after it starts.', path: ['end'] };

/** Accepting a common extra into this class's key: core (counts in recall) or optional. */
export const AcceptExtraSchema = z
  .strictObject({
    ...SPAN_FIELDS,
    optional: z.boolean(),
    explanation: z
      .string()
      .trim()
      .min(
        MIN_ADDITION_EXPLANATION_CHARS,
        `Write at least ${MIN_ADDITION_EXPLANATION_CHARS} characters: students read it.`,
      )
      .max(MAX_ADDITION_EXPLANATION_CHARS, `At most ${MAX_ADDITION_EXPLANATION_CHARS} characters.`),
  })
  .refine(endAfterStart, END_ISSUE);
export type AcceptExtra = z.infer<typeof AcceptExtraSchema>;

/** Dismissing a common extra as not worth a key item, with the reason kept for the record. */
export const DismissExtraSchema = z
  .strictObject({
    ...SPAN_FIELDS,
    comment: z
      .string()
      .trim()
      .min(1, 'Say why, for the record.')
      .max(MAX_COMMENT_CHARS, `At most ${MAX_COMMENT_CHARS} characters.`),
  })
  .refine(endAfterStart, END_ISSUE);
export type DismissExtra = z.infer<typeof DismissExtraSchema>;

const CommentBody = z
  .string()
  .trim()
  .min(1, 'Write the comment.')
  .max(MAX_COMMENT_CHARS, `At most ${MAX_COMMENT_CHARS} characters.`);

/** A comment on one submission: on a span (start and end) or on the whole of it (neither). */
export const CommentSchema = z
  .strictObject({
    start: offset.optional(),
    end: offset.optional(),
    body: CommentBody,
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), {
    error: 'Give both ends of the span, or neither for a comment on the whole submission.',
    path: ['start'],
  })
  .refine(endAfterStart, END_ISSUE);
export type CommentInput = z.infer<typeof CommentSchema>;

/** The comment form as a person fills it: a span chosen from a list ('' = the whole submission). */
export const CommentFormSchema = z.strictObject({
  span: z.string().regex(/^(|\d+-\d+)$/, 'Choose a span or the whole submission.'),
  body: CommentBody,
});
export type CommentForm = z.infer<typeof CommentFormSchema>;

/** Turns the form's span choice into offsets. */
export function commentFromForm(form: CommentForm): CommentInput {
  const match = /^(\d+)-(\d+)$/.exec(form.span);
  return match ? { start: Number(match[1]), end: Number(match[2]), body: form.body } : { body: form.body };
}

/** Columns the roster can be sorted by: name, status, or a figure of a label or overall. */
export const SORT_FIGURES = ['precision', 'recall', 'f1'] as const;
const SORT_COLUMNS = [
  'name',
  'status',
  ...[...LABELS, 'overall'].flatMap((l) => SORT_FIGURES.map((f) => `${l}.${f}`)),
] as readonly string[];

/** A roster sort as the page's links carry it: a column, descending with a leading '-'. */
export type RosterSort = { column: string; descending: boolean };

/** Parses `?sort=`; anything unknown sorts by name, ascending. */
export function parseRosterSort(value: string | undefined): RosterSort {
  const descending = value?.startsWith('-') ?? false;
  const column = descending ? value?.slice(1) : value;
  return column && SORT_COLUMNS.includes(column) ? { column, descending } : { column: 'name', descending: false };
}

/** The `?sort=` value of a sort. */
export function formatRosterSort(sort: RosterSort): string {
  return `${sort.descending ? '-' : ''}${sort.column}`;
}

export const ReviewIdSchema = z.string().min(1).max(MAX_ID_CHARS);

/** The accept form as a person fills it: core or optional, and the explanation students will read. */
export const AcceptExtraFormSchema = z.strictObject({
  weight: z.enum(['core', 'optional'], { error: 'Choose core or optional.' }),
  explanation: AcceptExtraSchema.shape.explanation,
});
export type AcceptExtraForm = z.infer<typeof AcceptExtraFormSchema>;

/** The dismiss form: the reason, kept for the record. */
export const DismissExtraFormSchema = z.strictObject({ comment: DismissExtraSchema.shape.comment });
export type DismissExtraForm = z.infer<typeof DismissExtraFormSchema>;
