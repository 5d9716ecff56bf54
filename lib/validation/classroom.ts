import { z } from 'zod';
import { BLANK_NAME_MESSAGE, hasVisibleCharacter } from './display-name';
import { dayAndTimeToInstant, isTimeZone, outsideAssignmentWindow } from './local-time';

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

/** A student's display name, as they type it or their teacher does: the same rules everywhere. */
const displayName = (what: string) =>
  name(what, MAX_DISPLAY_NAME_CHARS).refine(hasVisibleCharacter, BLANK_NAME_MESSAGE);

/** A student joins a class. */
export const JoinClassSchema = z.object({
  joinCode: code('class code', JOIN_CODE_CHARS),
  displayName: displayName('your name'),
});
export type JoinClass = z.input<typeof JoinClassSchema>;

/** An instructor renames a student: the join form's name rules. */
export const StudentNameSchema = z.object({ name: displayName('a name') });

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

/** A `date` or `time` input's value, or '' for none; checked in full below. */
const dayOrTime = z.string().max(20, 'Enter a date as the date picker gives it.');

/** The two dates of an assignment: what a blank time means, and how messages name them. */
const DATES = {
  opens: { day: 'opensDate', time: 'opensTime', blank: 'start-of-day', name: 'The opening date' },
  due: { day: 'dueDate', time: 'dueTime', blank: 'end-of-day', name: 'The due date' },
} as const;

/** An assignment's dates, key release policy and resubmission rule: made with it, edited later. */
export const AssignmentSettingsObject = z.object({
  opensDate: dayOrTime,
  opensTime: dayOrTime,
  dueDate: dayOrTime,
  dueTime: dayOrTime,
  timeZone: z.string().refine(isTimeZone, 'Your browser did not say its time zone; reload the page.'),
  releasePolicy: z.enum(['on-submit', 'after-due', 'manual'], 'Choose when the key is released.'),
  allowResubmit: z.boolean(),
});
type AssignmentSettingsInput = z.infer<typeof AssignmentSettingsObject>;

/** The checks of an assignment's dates: real days in the window, the due date after the opening. */
export function checkAssignmentDates(v: AssignmentSettingsInput, ctx: z.RefinementCtx) {
  const now = new Date();
  const instants: Partial<Record<keyof typeof DATES, Date>> = {};
  for (const [which, f] of Object.entries(DATES) as [keyof typeof DATES, (typeof DATES)[keyof typeof DATES]][]) {
    if (v[f.day] === '') {
      if (v[f.time] !== '')
        ctx.addIssue({ code: 'custom', path: [f.day], message: `${f.name}: choose a day for this time.` });
      continue;
    }
    const parsed = dayAndTimeToInstant(v[f.day], v[f.time], v.timeZone, f.blank);
    const problem = parsed.ok ? outsideAssignmentWindow(parsed.value, now) : parsed.error;
    if (problem) ctx.addIssue({ code: 'custom', path: [f.day], message: `${f.name}: ${problem}` });
    else if (parsed.ok) instants[which] = parsed.value;
  }
  if (v.releasePolicy === 'after-due' && v.dueDate === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['dueDate'],
      message: 'Releasing the key after the due date needs a due date.',
    });
  }
  if (instants.opens && instants.due && instants.due <= instants.opens) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The due date must come after the opening date.' });
  }
}

/**
 * Assign lessons. Each date is a day and an optional time of day, the instructor's
 * wall-clock time in `timeZone` (the browser's IANA zone, so a due date after a change of
 * clocks keeps the hour typed); a blank time opens at the start of the day and is due at
 * its end (23:59). Each must be a real calendar date within the assignment window;
 * `assignmentInstants` gives the instants.
 */
export const CreateAssignmentSchema = AssignmentSettingsObject.extend({
  lessonSlugs: z
    .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
    .min(1, 'Choose at least one lesson.')
    .max(MAX_LESSONS_PER_ASSIGNMENT),
}).superRefine(checkAssignmentDates);
export type CreateAssignment = z.infer<typeof CreateAssignmentSchema>;

/** Edit an assignment: the same fields and checks as making one, without the lessons. */
export const EditAssignmentSchema = AssignmentSettingsObject.superRefine(checkAssignmentDates);
export type EditAssignment = z.infer<typeof EditAssignmentSchema>;

/** The instants of a parsed assignment's dates (null where none was given). */
export function assignmentInstants(v: EditAssignment): { opensAt: Date | null; dueAt: Date | null } {
  const at = (which: keyof typeof DATES) => {
    const f = DATES[which];
    if (v[f.day] === '') return null;
    const parsed = dayAndTimeToInstant(v[f.day], v[f.time], v.timeZone, f.blank);
    return parsed.ok ? parsed.value : null;
  };
  return { opensAt: at('opens'), dueAt: at('due') };
}
