import { z } from 'zod';
import type { ScoreResult } from '../scoring/types';
import { LabelSchema } from './labels';

// The scoring engine's result (lib/scoring/types.ts) as stored in a submission's score_json,
// for reading it back: the data layer decodes stored scores with this instead of a cast.

const count = z.number().int().min(0);
const offset = z.number().int().min(0);
const FiguresSchema = z.object({ precision: z.number(), recall: z.number(), f1: z.number() });

const ItemFeedbackSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('key'),
    id: z.string(),
    label: LabelSchema,
    start: offset,
    end: offset,
    status: z.enum(['found', 'found-accepted', 'wrong-label', 'missed']),
    fit: z.enum(['good', 'too-wide', 'too-narrow']).nullable(),
    answers: z.array(count),
  }),
  z.object({ type: z.literal('extra'), answer: count, label: LabelSchema, start: offset, end: offset }),
  z.object({
    type: z.literal('optional'),
    id: z.string(),
    label: LabelSchema,
    start: offset,
    end: offset,
    answers: z.array(count),
    otherwise: z.array(count).optional(),
  }),
]);

/** A stored ScoreResult; the annotation makes the compiler hold it to the engine's type. */
export const ScoreResultSchema: z.ZodType<ScoreResult> = z.object({
  perLabel: z.partialRecord(
    LabelSchema,
    FiguresSchema.extend({ answered: count, keyItems: count, found: count, missed: count, extra: count }),
  ),
  overall: FiguresSchema,
  items: z.array(ItemFeedbackSchema),
});
