import { dayText, localDateIn } from '@/lib/dates';

/** The last day a grant covers: it expires as the following day begins where the client lives. */
export function lastSharedDay(expiresAt: Date, timeZone: string): string {
  return dayText(localDateIn(timeZone, new Date(expiresAt.getTime() - 1)));
}
