import { z } from 'zod';
import { MAX_CLASS_NAME_CHARS } from './classroom';
import { dayAndTimeToInstant, isTimeZone, outsideAssignmentWindow } from './local-time';

/** A timezone the browser names; the dates typed are its wall-clock time. */
const timeZone = z.string().refine(isTimeZone, 'Your browser did not say its time zone; reload the page.');

/**
 * One student's later due date: a day and an optional time (blank: the end of that day) in
 * the instructor's zone, inside the assignment window. That it falls after the assignment's
 * own due time is checked by the server, which knows it.
 */
export const ExtensionSchema = z
  .object({
    dueDate: z.string().max(20, 'Enter a date as the date picker gives it.'),
    dueTime: z.string().max(20, 'Enter a time as the time picker gives it.'),
    timeZone,
  })
  .superRefine((v, ctx) => {
    if (v.dueDate === '') {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The new due date: choose a day.' });
      return;
    }
    const parsed = dayAndTimeToInstant(v.dueDate, v.dueTime, v.timeZone, 'end-of-day');
    const problem = parsed.ok ? outsideAssignmentWindow(parsed.value, new Date()) : parsed.error;
    if (problem) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `The new due date: ${problem}` });
  });
export type Extension = z.infer<typeof ExtensionSchema>;

/** The instant of a parsed extension. */
export function extensionInstant(v: Extension): Date | null {
  const parsed = dayAndTimeToInstant(v.dueDate, v.dueTime, v.timeZone, 'end-of-day');
  return parsed.ok ? parsed.value : null;
}

/** Most a copy's dates may move: five years, the span of the assignment window. */
export const MAX_SHIFT_DAYS = 5 * 366;

export const SHIFT_UNITS = [
  { value: 'weeks', label: 'weeks', days: 7 },
  { value: 'days', label: 'days', days: 1 },
] as const;

/**
 * Copy a class for another year: its name, and how far its assignments' dates move (a
 * whole number of days or weeks, forward or back; weeks keep the weekdays).
 */
export const CopyClassSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter a class name.')
      .max(MAX_CLASS_NAME_CHARS, `Use at most ${MAX_CLASS_NAME_CHARS} characters.`),
    shift: z.number('Enter a whole number (0 keeps the dates).').int('Enter a whole number (0 keeps the dates).'),
    unit: z.enum(['weeks', 'days'], 'Choose days or weeks.'),
    timeZone,
  })
  .superRefine((v, ctx) => {
    if (Math.abs(shiftDays(v)) > MAX_SHIFT_DAYS)
      ctx.addIssue({ code: 'custom', path: ['shift'], message: `Shift the dates by at most ${MAX_SHIFT_DAYS} days.` });
  });
export type CopyClass = z.infer<typeof CopyClassSchema>;

/** The shift in days. */
export function shiftDays(v: Pick<CopyClass, 'shift' | 'unit'>): number {
  return v.shift * (v.unit === 'weeks' ? 7 : 1);
}
