import type { IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const DASH = 45;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The number written by `length` ASCII digits of `s` from `at`; NaN when any is not a digit. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i += 1) {
    const digit = s.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Days since 1970-01-01 for a local calendar date (`YYYY-MM-DD`, anything after the tenth
 * character ignored); calendar arithmetic only, no time zones. Read digit by digit, without a
 * regular expression or a Date: the caseload and the engine call this for every day of every
 * client they read.
 */
export function toDay(date: string): number {
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH || Number.isNaN(y) || Number.isNaN(m) || Number.isNaN(d)) {
    throw new RangeError(`not an ISO date: ${date}`);
  }
  if (m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number))) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  // Days from the civil calendar (proleptic Gregorian, as Date counts them), in years that begin in March.
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The calendar date (`YYYY-MM-DD`) of a day number, the inverse of `toDay`, by the same civil
 * calendar arithmetic and without a Date: the client page's timeline moves through every day of
 * its range and the week before each, and on the server each Date goes through Next's wrapper.
 */
export function toIsoDate(day: number): IsoDate {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const y = era * 400 + yearOfEra + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${twoDigits(m)}-${twoDigits(d)}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Human date for summaries, e.g. "3 Mar". */
export function shortDate(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
}
