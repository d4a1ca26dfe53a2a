import { z } from '@/lib/validation/zod';
import { addDays, isValidTimeZone } from '@/lib/dates';

/** A real calendar day written YYYY-MM-DD: 2026-02-30 and 2026-99-99 are not days. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * A form's date field: a real calendar day within a range around today (in days, so the range
 * moves with the calendar). Dates far outside it are typing mistakes (a session in 1900 or 3000).
 */
export function calendarDay(message: string, { daysBefore, daysAfter }: { daysBefore: number; daysAfter: number }) {
  return z
    .string()
    .refine(isCalendarDay, message)
    .refine((day) => !isCalendarDay(day) || (day >= addDays(todayUtc(), -daysBefore) && day <= addDays(todayUtc(), daysAfter)), {
      error: () => `Choose a date between ${addDays(todayUtc(), -daysBefore)} and ${addDays(todayUtc(), daysAfter)}.`,
    });
}

/** Session notes: a session up to twenty years back, or planned up to a year ahead. */
export const sessionDay = (message: string) => calendarDay(message, { daysBefore: 20 * 366, daysAfter: 366 });
/** Care-plan targets and reviews, and the day a snoozed signal returns: up to five years ahead. */
export const planDay = (message: string) => calendarDay(message, { daysBefore: 366, daysAfter: 5 * 366 });

/**
 * A whole number as a person types it: digits only, so "1e1", "0x10", " 7 " with letters or
 * "10.0" are not read as numbers they do not look like.
 */
export const asTypedInteger = (v: unknown) =>
  typeof v === 'string' && /^\s*-?\d{1,9}\s*$/.test(v) ? Number(v) : typeof v === 'number' ? v : NaN;
export const strictInteger = (message: string) => z.preprocess(asTypedInteger, z.number({ error: message }).int(message));

/** A decimal as a person types it: digits with at most one point ("6.5", not "6e0" or "Infinity"). */
export const strictDecimal = (message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d{1,6}(\.\d+)?\s*$/.test(v) ? Number(v) : typeof v === 'number' ? v : NaN),
    z.number({ error: message }),
  );

/** An IANA time zone the runtime knows, as a person picks it from the list. */
export const timeZoneSchema = z.string().trim().min(1, 'Choose a time zone.').refine(isValidTimeZone, 'Choose a time zone from the list.');
