import { z } from 'zod';
import { MAX_COMMENT_CHARS } from './review';

/** Most points a rule may give for either part: a gradebook's 100, with room. */
export const MAX_RULE_POINTS = 1000;
/** A teacher's note on a grade set by hand. */
export const MAX_GRADE_NOTE_CHARS = 500;

const wholePoints = z
  .string()
  .trim()
  .regex(/^\d+$/, 'Enter a whole number of points, 0 or more.')
  .refine((v) => Number(v) <= MAX_RULE_POINTS, `At most ${MAX_RULE_POINTS} points.`);

/** The grading rule's form: points for the labeling, and per written answer marked complete. */
export const GradingRuleSchema = z.object({ labelPoints: wholePoints, answerPoints: wholePoints });
export type GradingRuleForm = z.infer<typeof GradingRuleSchema>;

/** One student's grade set by hand (blank: back to the rule's grade), with a note saying why. */
export const GradeOverrideSchema = z
  .object({
    points: z
      .string()
      .trim()
      .regex(/^(\d{1,4}(\.\d{1,2})?)?$/, 'Enter points such as 8 or 7.5, or leave it blank to use the rule.'),
    note: z.string().trim().max(MAX_GRADE_NOTE_CHARS, `At most ${MAX_GRADE_NOTE_CHARS} characters.`),
  })
  .refine((v) => v.points === '' || v.note.length > 0, { path: ['note'], message: 'Say why, for the record.' });
export type GradeOverrideForm = z.infer<typeof GradeOverrideSchema>;

/** The teacher's review of one written answer. */
export const ReviewAnswerSchema = z.object({
  status: z.enum(['complete', 'revise'], 'Choose complete or revise.'),
  comment: z.string().trim().max(MAX_COMMENT_CHARS, `At most ${MAX_COMMENT_CHARS} characters.`),
});
export type ReviewAnswerForm = z.infer<typeof ReviewAnswerSchema>;
