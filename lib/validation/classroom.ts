import { z } from 'zod';

/** Match lib/server: class names, display names, code lengths. */
export const MAX_CLASS_NAME_CHARS = 100;
export const MAX_DISPLAY_NAME_CHARS = 60;
export const JOIN_CODE_CHARS = 8;
export const RESUME_CODE_CHARS = 12;
/** Most lessons one assignment form creates at once. */
export const MAX_LESSONS_PER_ASSIGNMENT = 50;

/** Codes are typed with spaces or dashes and in any case; only letters and digits count. */
const code = (what: string, length: number) =>
  z
    .string()
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9]*$/, `The ${what} has only letters and digits.`)
        .length(length, `The ${what} has ${length} letters and digits.`),
    );

const name = (what: string, max: number) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);

/** Create or rename a class. */
export const ClassNameSchema = z.object({ name: name('a class name', MAX_CLASS_NAME_CHARS) });
export type ClassName = z.infer<typeof ClassNameSchema>;

/** A student joins a class. */
export const JoinClassSchema = z.object({
  joinCode: code('class code', JOIN_CODE_CHARS),
  displayName: name('your name', MAX_DISPLAY_NAME_CHARS),
});
export type JoinClass = z.input<typeof JoinClassSchema>;

/** A student comes back on another device. */
export const ResumeSchema = z.object({
  joinCode: code('class code', JOIN_CODE_CHARS),
  resumeCode: code('resume code', RESUME_CODE_CHARS),
});
export type Resume = z.input<typeof ResumeSchema>;

export const RELEASE_POLICY_CHOICES = [
  { value: 'on-submit', label: 'Right after the student submits' },
  { value: 'after-due', label: 'After the due date' },
  { value: 'manual', label: 'When I release it' },
] as const;

/** A `datetime-local` value (the instructor's local time), or '' for none. */
const localTime = z.union([
  z.literal(''),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Enter a date and time.'),
]);

/**
 * Assign lessons. Times are the instructor's local time; `timezoneOffset` is the browser's
 * `Date#getTimezoneOffset()` so the server can turn them into UTC.
 */
export const CreateAssignmentSchema = z
  .object({
    lessonSlugs: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
      .min(1, 'Choose at least one lesson.')
      .max(MAX_LESSONS_PER_ASSIGNMENT),
    opensAt: localTime,
    dueAt: localTime,
    timezoneOffset: z.number().int().min(-840).max(840),
    releasePolicy: z.enum(['on-submit', 'after-due', 'manual'], 'Choose when the key is released.'),
    allowResubmit: z.boolean(),
  })
  .refine((v) => v.releasePolicy !== 'after-due' || v.dueAt !== '', {
    path: ['dueAt'],
    message: 'Releasing the key after the due date needs a due date.',
  })
  .refine((v) => v.opensAt === '' || v.dueAt === '' || v.dueAt > v.opensAt, {
    path: ['dueAt'],
    message: 'The due date must come after the opening date.',
  });
export type CreateAssignment = z.infer<typeof CreateAssignmentSchema>;

/** A local `datetime-local` value and the browser's offset as a Date in UTC, or null for ''. */
export function localTimeToDate(value: string, timezoneOffset: number): Date | null {
  if (value === '') return null;
  const [date = '', time = ''] = value.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, ss) + timezoneOffset * 60_000);
}
