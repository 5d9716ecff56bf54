import { describe, expect, it } from 'vitest';
import { assignmentInstants, CreateAssignmentSchema } from '@/lib/validation/classroom';
import { dayAndTimeToInstant, localTimeToInstant, outsideAssignmentWindow } from '@/lib/validation/local-time';

const at = (value: string, zone = 'UTC') => {
  const parsed = localTimeToInstant(value, zone);
  return parsed.ok ? parsed.value.toISOString() : `error: ${parsed.error}`;
};

describe('localTimeToInstant', () => {
  it('takes 29 February only in a leap year', () => {
    expect(at('2028-02-29T09:00')).toBe('2028-02-29T09:00:00.000Z');
    expect(at('2027-02-29T09:00')).toBe('error: 2027-02-29 is not a date in the calendar.');
    expect(at('2100-02-29T09:00')).toMatch(/not a date in the calendar/);
  });

  it('refuses dates and times the calendar does not have', () => {
    expect(at('9999-99-99T99:99')).toBe('error: 9999-99-99 is not a date in the calendar.');
    expect(at('2027-04-31T10:00')).toMatch(/not a date in the calendar/);
    expect(at('2027-04-30T24:00')).toBe('error: 24:00 is not a time of day.');
    expect(at('2027-04-30')).toBe('error: Enter a date and a time.');
    expect(at('tomorrow')).toBe('error: Enter a date and a time.');
    expect(at('2027-04-30T10:00', 'Mars/Olympus')).toMatch(/Unknown time zone/);
  });

  it('uses the zone’s offset on the day typed, not today’s (clocks change in between)', () => {
    // Chicago: UTC-6 in winter, UTC-5 from 14 March 2027.
    expect(at('2027-01-15T23:59', 'America/Chicago')).toBe('2027-01-16T05:59:00.000Z');
    expect(at('2027-04-15T23:59', 'America/Chicago')).toBe('2027-04-16T04:59:00.000Z');
    // Berlin: the last Sunday of October 2027 goes back from UTC+2 to UTC+1.
    expect(at('2027-10-30T12:00', 'Europe/Berlin')).toBe('2027-10-30T10:00:00.000Z');
    expect(at('2027-11-01T12:00', 'Europe/Berlin')).toBe('2027-11-01T11:00:00.000Z');
  });

  it('moves a time skipped by the clocks on by the gap, and takes the first of a time that happens twice', () => {
    // 02:30 does not exist in Chicago on 14 March 2027: it becomes 03:30 CDT.
    expect(at('2027-03-14T02:30', 'America/Chicago')).toBe('2027-03-14T08:30:00.000Z');
    // 01:30 happens twice on 7 November 2027: the first, still CDT (UTC-5).
    expect(at('2027-11-07T01:30', 'America/Chicago')).toBe('2027-11-07T06:30:00.000Z');
  });
});

describe('the assignment window', () => {
  const now = new Date('2026-12-06T12:00:00.000Z');
  it('takes a year back to five years ahead, and nothing outside', () => {
    expect(outsideAssignmentWindow(new Date('2026-12-07T00:00:00Z'), now)).toBeNull();
    expect(outsideAssignmentWindow(new Date('2025-12-06T12:00:00Z'), now)).toBeNull();
    expect(outsideAssignmentWindow(new Date('2031-12-06T12:00:00Z'), now)).toBeNull();
    expect(outsideAssignmentWindow(new Date('2031-12-06T12:00:01Z'), now)).toBe(
      'Choose a date between 2025-12-06 and 2031-12-06.',
    );
    expect(outsideAssignmentWindow(new Date('2025-12-06T11:59:59Z'), now)).toMatch(/Choose a date between/);
    expect(outsideAssignmentWindow(new Date(Date.UTC(9999, 11, 31, 23, 59)), now)).toMatch(/Choose a date between/);
  });
});

describe('dayAndTimeToInstant', () => {
  it('a day without a time is the end of that day for a due date and its start for an opening, in the zone', () => {
    const at = (day: string, time: string, zone: string, blank: 'start-of-day' | 'end-of-day') => {
      const parsed = dayAndTimeToInstant(day, time, zone, blank);
      return parsed.ok ? parsed.value.toISOString() : `error: ${parsed.error}`;
    };
    expect(at('2027-01-15', '', 'America/Chicago', 'end-of-day')).toBe('2027-01-16T05:59:00.000Z');
    expect(at('2027-07-15', '', 'America/Chicago', 'end-of-day')).toBe('2027-07-16T04:59:00.000Z');
    expect(at('2027-01-15', '', 'Asia/Tokyo', 'end-of-day')).toBe('2027-01-15T14:59:00.000Z');
    expect(at('2027-01-15', '', 'America/Chicago', 'start-of-day')).toBe('2027-01-15T06:00:00.000Z');
    // The day the clocks go forward in Chicago still ends at 23:59 CDT.
    expect(at('2027-03-14', '', 'America/Chicago', 'end-of-day')).toBe('2027-03-15T04:59:00.000Z');
    expect(at('2027-01-15', '08:30', 'America/Chicago', 'end-of-day')).toBe('2027-01-15T14:30:00.000Z');
    expect(at('', '08:30', 'UTC', 'end-of-day')).toBe('error: Enter a date.');
    expect(at('2027-01-15', '8.30', 'UTC', 'end-of-day')).toMatch(/hours and minutes/);
  });
});

describe('CreateAssignmentSchema', () => {
  const base = {
    lessonSlugs: ['who-says-so'],
    opensDate: '',
    opensTime: '',
    dueDate: '',
    dueTime: '',
    timeZone: 'America/Chicago',
    releasePolicy: 'after-due' as const,
    allowResubmit: false,
  };
  const parse = (input: object) => CreateAssignmentSchema.safeParse({ ...base, ...input });
  const errors = (input: object) => {
    const parsed = parse(input);
    return parsed.success ? {} : parsed.error.flatten().fieldErrors;
  };
  const soon = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);

  it('refuses the year 9999 and impossible dates, naming the field', () => {
    expect(errors({ dueDate: '9999-12-31', dueTime: '23:59' }).dueDate?.[0]).toMatch(
      /^The due date: Choose a date between/,
    );
    expect(errors({ dueDate: soon, opensDate: '9999-99-99', opensTime: '99:99' }).opensDate).toEqual([
      'The opening date: 9999-99-99 is not a date in the calendar.',
    ]);
    expect(errors({ dueDate: '2027-02-29' }).dueDate).toEqual([
      'The due date: 2027-02-29 is not a date in the calendar.',
    ]);
    expect(errors({ dueDate: '', dueTime: '10:00', releasePolicy: 'manual' }).dueDate).toEqual([
      'The due date: choose a day for this time.',
    ]);
  });

  it('keeps a due date typed without a time as the end of that day in the teacher’s zone', () => {
    const parsed = parse({ dueDate: soon });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const { dueAt, opensAt } = assignmentInstants(parsed.data);
    expect(opensAt).toBeNull();
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Chicago',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(dueAt as Date);
    expect(local).toBe(`${soon.slice(8, 10)}/${soon.slice(5, 7)}/${soon.slice(0, 4)}, 23:59`);
  });

  it('takes a real date in the window, and still needs a due date after the opening', () => {
    expect(errors({ dueDate: soon })).toEqual({});
    expect(errors({ dueDate: '' }).dueDate).toEqual(['Releasing the key after the due date needs a due date.']);
    expect(errors({ opensDate: soon, dueDate: soon, dueTime: '00:00' }).dueDate).toEqual([
      'The due date must come after the opening date.',
    ]);
    expect(errors({ dueDate: soon, timeZone: 'Nowhere/Else' }).timeZone).toHaveLength(1);
  });
});
