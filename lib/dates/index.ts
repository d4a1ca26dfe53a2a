import { tz, tzOffset } from '@date-fns/tz';
import { format, getISODay } from 'date-fns';
import { toDay, toIsoDate } from '@/lib/insights/dates';

// Tandem's one time module (docs/design.md §8): calendar days, wall-clock times in a person's IANA
// zone, and dates and times written for a reader in their own zone. Zones come from @date-fns/tz;
// words come from date-fns patterns, so every page writes "3 Sep 2026, 14:02" the same way
// whatever the runtime's locale data. No I/O: it runs in the browser too.

const MINUTE = 60_000;
const DAY = 86_400_000;

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) on the clocks of `timeZone` at `at`: 23:30 in Lisbon is that day in Lisbon.
 * Read from the parts of one Intl formatter per zone (numbers only, so no locale's words or order
 * reach it), about five times faster than a zoned date-fns format: the caseload asks it of every client.
 */
export function localDateIn(timeZone: string, at: Date = new Date()): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/** A calendar day moved by whole days, across months, leap days and years (day numbers, no Date). */
export function addDays(isoDate: string, days: number): string {
  return toIsoDate(toDay(isoDate) + days);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type WallClock = { localDate: string; localTime: string; isoWeekday: number };

/** The date, time (HH:MM) and ISO weekday (1 = Monday) on the clocks of `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const inZone = { in: tz(timeZone) };
  return {
    localDate: format(instant, 'yyyy-MM-dd', inZone),
    localTime: format(instant, 'HH:mm', inZone),
    isoWeekday: getISODay(instant, inZone),
  };
}

/** `localDate` + `localTime` read as if in UTC: the arithmetic base for a wall-clock minute. */
function naiveMs(localDate: string, localTime: string): number {
  return Date.parse(`${localDate}T${localTime}:00Z`);
}

function instantOfExisting(localDate: string, localTime: string, timeZone: string): Date | null {
  const base = naiveMs(localDate, localTime);
  // The zone's offsets a day either side cover both sides of any change near this time.
  const matches = [
    ...new Set([tzOffset(timeZone, new Date(base - DAY)), tzOffset(timeZone, new Date(base)), tzOffset(timeZone, new Date(base + DAY))]),
  ]
    .map((offset) => base - offset * MINUTE)
    .filter((ms) => {
      const wall = wallClockAt(new Date(ms), timeZone);
      return wall.localDate === localDate && wall.localTime === localTime;
    })
    .sort((a, b) => a - b);
  return matches[0] === undefined ? null : new Date(matches[0]);
}

/**
 * The instant a wall-clock time (HH:MM) happens on a local date in a zone. When the clocks go back
 * and the time happens twice, the first; when they go forward and it does not happen at all, the
 * next minute that does (in New York, 02:30 on the spring-forward night is 03:00).
 */
export function instantOf(localDate: string, localTime: string, timeZone: string): Date {
  const exact = instantOfExisting(localDate, localTime, timeZone);
  if (exact) return exact;
  // In a gap: the first minute after it (gaps are at most a few hours anywhere).
  const base = naiveMs(localDate, localTime);
  for (let step = 1; step <= 24 * 60; step++) {
    const next = new Date(base + step * MINUTE).toISOString();
    const candidate = instantOfExisting(next.slice(0, 10), next.slice(11, 16), timeZone);
    if (candidate) return candidate;
  }
  throw new Error(`No valid time after ${localDate} ${localTime} in ${timeZone}`);
}

type DayStyle = { weekday?: 'narrow' | 'short' | 'long'; month?: 'short' | 'long' | 'none'; year?: boolean };

const WEEKDAY_PATTERN = { narrow: 'EEEEE', short: 'EEE', long: 'EEEE' } as const;

function dayPattern({ weekday, month = 'long', year = true }: DayStyle): string {
  const parts = [
    weekday ? WEEKDAY_PATTERN[weekday] : null,
    month === 'none' ? null : 'd',
    month === 'short' ? 'MMM' : month === 'long' ? 'MMMM' : null,
    year && month !== 'none' ? 'yyyy' : null,
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * A calendar day (YYYY-MM-DD) in words, the same for every reader: "3 September 2026",
 * `{ weekday: 'short', month: 'short' }` "Thu 3 Sep 2026", `{ weekday: 'long', year: false }`
 * "Thursday 3 September", `{ weekday: 'narrow', month: 'none' }` "T".
 */
export function dayText(isoDate: string, style: DayStyle = {}): string {
  return format(new Date(`${isoDate}T12:00:00Z`), dayPattern(style), { in: tz('UTC') });
}

/** The day of an instant in the reader's zone: "3 Sep 2026" (or "3 September 2026"). */
export function dateText(at: Date, timeZone: string, { month = 'short' }: { month?: 'short' | 'long' } = {}): string {
  return format(at, dayPattern({ month }), { in: tz(timeZone) });
}

/** An instant in the reader's zone: "3 Sep 2026, 14:02"; with `weekday` "Thu 3 Sep 2026, 14:02"; without `year` "3 Sep, 14:02". */
export function momentText(
  at: Date,
  timeZone: string,
  { weekday = false, year = true }: { weekday?: boolean; year?: boolean } = {},
): string {
  return format(at, `${dayPattern({ weekday: weekday ? 'short' : undefined, month: 'short', year })}, HH:mm`, { in: tz(timeZone) });
}

/** A wall-clock date and time on the person's own clock: "Mon 30 Nov, 17:30". */
export function wallClockText(localDate: string, localTime: string): string {
  return `${dayText(localDate, { weekday: 'short', month: 'short', year: false })}, ${localTime}`;
}

/** The time of an instant in the reader's zone: "14:02". */
export function timeText(at: Date, timeZone: string): string {
  return format(at, 'HH:mm', { in: tz(timeZone) });
}

const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** How long ago, in words: "just now", "5 minutes ago", "yesterday", "3 days ago". */
export function agoText(at: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return relativeTime.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relativeTime.format(-hours, 'hour');
  return relativeTime.format(-Math.round(hours / 24), 'day');
}

/** "3 hours", "2 days": how long something has been waiting. */
export function ageText(since: Date, now: Date = new Date()): string {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
