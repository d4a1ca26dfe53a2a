import { isValidTimeZone, localDateIn } from '@/lib/dates';

/**
 * The day a check-in made at `at` belongs to: the calendar day in the client's own time zone,
 * so 23:30 in Lisbon is that day in Lisbon, across daylight-saving changes too. An unknown zone
 * falls back to UTC rather than failing the check-in.
 */
export function checkInDay(timeZone: string, at: Date): { localDate: string; timeZone: string } {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return { localDate: localDateIn(zone, at), timeZone: zone };
}

/** A check-in is edited freely on its own day (in the client's zone); later it is a correction. */
export function isCheckInToday(localDate: string, timeZone: string, now: Date): boolean {
  return checkInDay(timeZone, now).localDate === localDate;
}
