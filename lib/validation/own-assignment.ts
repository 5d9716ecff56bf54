import { z } from 'zod';
import { AssignmentSettingsObject, checkAssignmentDates } from './classroom';
import { LabelSchema } from './labels';
import { findMarkup } from './own-article';

/** Longest instructions of an own article's exercise. */
export const MAX_INSTRUCTIONS_CHARS = 1_000;

/**
 * Assign one of the instructor's articles to one of their classes: the exercise's
 * instructions and labels, then the same dates, release policy and resubmission rule as a
 * lesson's assignment (and the same checks).
 */
export const CreateOwnAssignmentSchema = AssignmentSettingsObject.extend({
  classId: z.string().min(1, 'Choose a class.').max(100),
  instructions: z
    .string()
    .trim()
    .min(1, 'Write the instructions students read above the article.')
    .max(MAX_INSTRUCTIONS_CHARS, `The instructions may have at most ${MAX_INSTRUCTIONS_CHARS} characters.`)
    .refine((v) => findMarkup(v) === null, 'The instructions must be plain text, without HTML or script.'),
  labels: z.array(LabelSchema).min(1, 'Choose at least one label that counts.'),
}).superRefine(checkAssignmentDates);
export type CreateOwnAssignment = z.infer<typeof CreateOwnAssignmentSchema>;
