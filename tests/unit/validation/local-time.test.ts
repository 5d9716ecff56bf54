import { describe, expect, it } from 'vitest';
import { CreateAssignmentSchema } from '@/lib/validation/classroom';
import { localTimeToInstant, outsideAssignmentWindow } from '@/lib/validation/local-time';

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

describe('CreateAssignmentSchema', () => {
  const base = {
    lessonSlugs: ['who-says-so'],
    opensAt: '',
    dueAt: '',
    timeZone: 'America/Chicago',
    releasePolicy: 'after-due' as const,
    allowResubmit: false,
  };
  const errors = (input: object) => {
    const parsed = CreateAssignmentSchema.safeParse({ ...base, ...input });
    return parsed.success ? {} : parsed.error.flatten().fieldErrors;
  };
  const soon = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 16);

  it('refuses the year 9999 and impossible dates, naming the field', () => {
    expect(errors({ dueAt: '9999-12-31T23:59' }).dueAt?.[0]).toMatch(/^The due date: Choose a date between/);
    expect(errors({ dueAt: soon, opensAt: '9999-99-99T99:99' }).opensAt).toEqual([
      'The opening date: 9999-99-99 is not a date in the calendar.',
    ]);
    expect(errors({ dueAt: '2027-02-29T10:00' }).dueAt).toEqual([
      'The due date: 2027-02-29 is not a date in the calendar.',
    ]);
  });

  it('takes a real date in the window, and still needs a due date after the opening', () => {
    expect(errors({ dueAt: soon })).toEqual({});
    expect(errors({ dueAt: '' }).dueAt).toEqual(['Releasing the key after the due date needs a due date.']);
    expect(errors({ opensAt: soon, dueAt: soon }).dueAt).toEqual(['The due date must come after the opening date.']);
    expect(errors({ dueAt: soon, timeZone: 'Nowhere/Else' }).timeZone).toHaveLength(1);
  });
});
