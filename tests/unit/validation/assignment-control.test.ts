import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CopyClassSchema, ExtensionSchema, extensionInstant, shiftDays } from '@/lib/validation/assignment-control';
import { assignmentInstants, EditAssignmentSchema } from '@/lib/validation/classroom';
import { instantToDayAndTime, shiftByDays } from '@/lib/validation/local-time';

/** A day this many days from now, as a date input gives it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every message per field of a failed parse. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

const EDIT = {
  opensDate: '',
  opensTime: '',
  dueDate: inDays(10),
  dueTime: '',
  timeZone: 'America/Chicago',
  releasePolicy: 'after-due',
  allowResubmit: false,
} as const;

describe('EditAssignmentSchema', () => {
  it('takes the create form’s checks, naming the field, without lessons', () => {
    expect(errorsOf(EditAssignmentSchema, EDIT)).toEqual({});
    expect(errorsOf(EditAssignmentSchema, { ...EDIT, dueDate: '' })).toEqual({
      dueDate: ['Releasing the key after the due date needs a due date.'],
    });
    expect(errorsOf(EditAssignmentSchema, { ...EDIT, opensDate: inDays(11) })).toEqual({
      dueDate: ['The due date must come after the opening date.'],
    });
    expect(errorsOf(EditAssignmentSchema, { ...EDIT, dueDate: '2027-02-29' })).toEqual({
      dueDate: ['The due date: 2027-02-29 is not a date in the calendar.'],
    });
    expect(errorsOf(EditAssignmentSchema, { ...EDIT, opensTime: '08:00' })).toEqual({
      opensDate: ['The opening date: choose a day for this time.'],
    });
    expect(errorsOf(EditAssignmentSchema, { ...EDIT, dueDate: '2040-01-01' }).dueDate?.[0]).toMatch(
      /^The due date: Choose a date between/,
    );
  });

  it('a blank due time is the end of the day in the teacher’s zone', () => {
    const parsed = EditAssignmentSchema.parse({ ...EDIT, dueDate: '2027-01-15' });
    expect(assignmentInstants(parsed).dueAt?.toISOString()).toBe('2027-01-16T05:59:00.000Z');
  });
});

describe('ExtensionSchema', () => {
  it('needs a day, takes a blank time as the end of it, and names the field', () => {
    const base = { dueDate: '', dueTime: '', timeZone: 'America/Chicago' };
    expect(errorsOf(ExtensionSchema, base)).toEqual({ dueDate: ['The new due date: choose a day.'] });
    expect(errorsOf(ExtensionSchema, { ...base, dueDate: '2027-04-31' })).toEqual({
      dueDate: ['The new due date: 2027-04-31 is not a date in the calendar.'],
    });
    expect(errorsOf(ExtensionSchema, { ...base, dueDate: '2027-04-15', dueTime: '7pm' })).toEqual({
      dueDate: ['The new due date: Enter a time as hours and minutes, or leave it blank.'],
    });
    const parsed = ExtensionSchema.parse({ ...base, dueDate: '2027-04-15' });
    expect(extensionInstant(parsed)?.toISOString()).toBe('2027-04-16T04:59:00.000Z');
  });
});

describe('CopyClassSchema', () => {
  const copy = { name: 'Period 3 (copy)', shift: 52, unit: 'weeks', timeZone: 'America/Chicago' } as const;

  it('takes a name and a whole shift in days or weeks', () => {
    expect(errorsOf(CopyClassSchema, copy)).toEqual({});
    expect(shiftDays(CopyClassSchema.parse(copy))).toBe(364);
    expect(shiftDays(CopyClassSchema.parse({ ...copy, shift: -3, unit: 'days' }))).toBe(-3);
    expect(errorsOf(CopyClassSchema, { ...copy, name: '  ' })).toEqual({ name: ['Enter a class name.'] });
    expect(errorsOf(CopyClassSchema, { ...copy, shift: Number.NaN })).toEqual({
      shift: ['Enter a whole number (0 keeps the dates).'],
    });
    expect(errorsOf(CopyClassSchema, { ...copy, shift: 1.5 })).toEqual({
      shift: ['Enter a whole number (0 keeps the dates).'],
    });
    expect(errorsOf(CopyClassSchema, { ...copy, shift: 400 })).toEqual({
      shift: ['Shift the dates by at most 1830 days.'],
    });
    expect(errorsOf(CopyClassSchema, { ...copy, unit: 'months' })).toEqual({ unit: ['Choose days or weeks.'] });
  });
});

describe('shiftByDays and instantToDayAndTime', () => {
  it('keep the wall-clock time across a change of clocks', () => {
    // 09:00 CST on Monday 4 January 2027, a year on: 09:00 CST on Monday 3 January 2028.
    expect(shiftByDays('2027-01-04T15:00:00.000Z', 364, 'America/Chicago')?.toISOString()).toBe(
      '2028-01-03T15:00:00.000Z',
    );
    // 23:59 CST on 5 March 2027, three weeks on: 23:59 CDT on 26 March (the clocks went forward on the 14th).
    expect(shiftByDays('2027-03-06T05:59:00.000Z', 21, 'America/Chicago')?.toISOString()).toBe(
      '2027-03-27T04:59:00.000Z',
    );
    // Back over the change as well.
    expect(shiftByDays('2027-03-27T04:59:00.000Z', -21, 'America/Chicago')?.toISOString()).toBe(
      '2027-03-06T05:59:00.000Z',
    );
    expect(shiftByDays('not a time', 1, 'America/Chicago')).toBeNull();
  });

  it('read an instant back on the wall clock the form shows', () => {
    expect(instantToDayAndTime('2027-01-16T05:59:00.000Z', 'America/Chicago')).toEqual({
      day: '2027-01-15',
      time: '23:59',
    });
    expect(instantToDayAndTime('2027-01-16T05:59:00.000Z', 'Asia/Tokyo')).toEqual({ day: '2027-01-16', time: '14:59' });
    expect(instantToDayAndTime('2027-01-16T00:00:00.000Z', 'UTC')).toEqual({ day: '2027-01-16', time: '00:00' });
    expect(instantToDayAndTime('2027-01-16T05:59:00.000Z', 'Mars/Olympus')).toBeNull();
  });
});
