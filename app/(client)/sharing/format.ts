import { localDateIn } from '@/lib/dates';

/** A day as a person reads it, in their own time zone: "12 May 2026". */
export function formatDay(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
}

export function formatDayAndTime(at: Date, timeZone: string): string {
  return at.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
}

/** The last day a grant covers: it expires as the following day begins. */
export function lastSharedDay(expiresAt: Date, timeZone: string): string {
  const day = localDateIn(timeZone, new Date(expiresAt.getTime() - 1));
  return formatDay(new Date(`${day}T12:00:00Z`), 'UTC');
}
