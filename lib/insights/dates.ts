import type { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Days since 1970-01-01 for a local calendar date; calendar arithmetic only, no time zones. */
export function toDay(date: string): number {
  const match = ISO_DATE.exec(date.slice(0, 10));
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(m) - 1 || check.getUTCDate() !== Number(d)) throw new RangeError(`not a calendar date: ${date}`);
  return ms / MS_PER_DAY;
}

export function toIsoDate(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
