import { TZDate } from '@date-fns/tz';
import { isTimeZone } from './time-zone';

/**
 * Times an instructor types (`datetime-local` values, their own wall-clock time) and the
 * instants stored for them. Shared by the assignment form in the browser and the server.
 */

/** `YYYY-MM-DDTHH:MM` with optional seconds, as a `datetime-local` input gives it. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How far back an assignment date may lie: a course year, for work entered late. */
export const EARLIEST_YEARS_BACK = 1;
/** How far ahead: a few school years, never the year 9999. */
export const LATEST_YEARS_AHEAD = 5;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export { isTimeZone };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The instant of a wall-clock time in a time zone, or why there is none: a malformed value,
 * a day or hour the calendar does not have (2027-02-29, 9999-99-99T99:99), an unknown zone.
 * The zone's own rules apply on the date typed, not today's offset: a time skipped when the
 * clocks go forward moves on by the gap (02:30 becomes 03:30), and a time that happens twice
 * when they go back is the first of the two.
 */
export function localTimeToInstant(value: string, timeZone: string): Parsed<Date> {
  const m = LOCAL_TIME.exec(value);
  if (!m) return { ok: false, error: 'Enter a date and a time.' };
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return { ok: false, error: `${value.slice(0, 10)} is not a date in the calendar.` };
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, error: `${value.slice(11)} is not a time of day.` };
  if (!isTimeZone(timeZone)) return { ok: false, error: `Unknown time zone "${timeZone.slice(0, 64)}".` };
  const instant = new Date(+new TZDate(year, month - 1, day, hour, minute, second, timeZone));
  if (Number.isNaN(instant.getTime())) return { ok: false, error: 'That date and time cannot be used.' };
  return { ok: true, value: instant };
}

/** `YYYY-MM-DD`, as a `date` input gives it. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `HH:MM`, as a `time` input gives it. */
const TIME = /^\d{2}:\d{2}$/;

/** A blank time means the start of the day for an opening and its end for a due date. */
export type BlankTime = 'start-of-day' | 'end-of-day';
const BLANK_TIME: Record<BlankTime, string> = { 'start-of-day': '00:00', 'end-of-day': '23:59' };

/**
 * The instant of a day and an optional time of day in a time zone: a blank time is the
 * start or the end of that day there (00:00 or 23:59), never a dropped date.
 */
export function dayAndTimeToInstant(day: string, time: string, timeZone: string, blank: BlankTime): Parsed<Date> {
  if (!DAY.test(day)) return { ok: false, error: 'Enter a date.' };
  if (time !== '' && !TIME.test(time))
    return { ok: false, error: 'Enter a time as hours and minutes, or leave it blank.' };
  return localTimeToInstant(`${day}T${time || BLANK_TIME[blank]}`, timeZone);
}

/** The window assignment dates must fall in, around `now`. */
export function assignmentWindow(now: Date): { earliest: Date; latest: Date } {
  const earliest = new Date(now);
  earliest.setUTCFullYear(now.getUTCFullYear() - EARLIEST_YEARS_BACK);
  const latest = new Date(now);
  latest.setUTCFullYear(now.getUTCFullYear() + LATEST_YEARS_AHEAD);
  return { earliest, latest };
}

/** Why an assignment date is outside the window, or null when it is inside. */
export function outsideAssignmentWindow(date: Date, now: Date): string | null {
  const { earliest, latest } = assignmentWindow(now);
  if (date >= earliest && date <= latest) return null;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `Choose a date between ${day(earliest)} and ${day(latest)}.`;
}

/**
 * The day (`YYYY-MM-DD`) and time of day (`HH:MM`) of an instant on the wall clock of a time
 * zone, as the date and time inputs take them; null for an unreadable instant or zone.
 */
export function instantToDayAndTime(iso: string, timeZone: string): { day: string; time: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || !isTimeZone(timeZone)) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant `days` calendar days after (or before) `iso` on the wall clock of `timeZone`:
 * 09:00 stays 09:00 across a change of clocks. A time the new day skips moves on by the gap.
 */
export function shiftByDays(iso: string, days: number, timeZone: string): Date | null {
  const wall = instantToDayAndTime(iso, timeZone);
  if (!wall) return null;
  const [y = 0, m = 1, d = 1] = wall.day.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  const parsed = localTimeToInstant(`${moved}T${wall.time}`, timeZone);
  return parsed.ok ? parsed.value : null;
}
