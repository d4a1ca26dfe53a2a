import { addDays, instantOf, wallClockAt, type WallClock } from '@/lib/dates';

// When reminders fire: the client's wall-clock times in their IANA zone, turned into instants
// (the zone arithmetic is lib/dates). Pure (no I/O), so the daylight-saving cases are
// unit-tested in milliseconds.

const MINUTE = 60_000;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export function isWallTime(value: string): boolean {
  return TIME.test(value);
}

/** `localDate` + `localTime` read as if in UTC: the arithmetic base for a wall-clock minute. */
function naiveMs(localDate: string, localTime: string): number {
  return Date.parse(`${localDate}T${localTime}:00Z`);
}

function naiveWall(ms: number): { localDate: string; localTime: string } {
  const iso = new Date(ms).toISOString();
  return { localDate: iso.slice(0, 10), localTime: iso.slice(11, 16) };
}

/** Start of the minute that contains `instant`. */
export function minuteStart(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / MINUTE) * MINUTE);
}

/**
 * The wall-clock slots (date + HH:MM) whose reminders fire in the minute starting at `start`
 * in `timeZone`. Usually one: the minute's own time. On the minute after a spring-forward gap,
 * also every time skipped by the gap; during the repeated hour after the clocks go back, none
 * (those times already fired the first time round).
 */
export function slotsFiringAt(start: Date, timeZone: string): WallClock[] {
  const at = minuteStart(start);
  const now = wallClockAt(at, timeZone);
  if (instantOf(now.localDate, now.localTime, timeZone).getTime() !== at.getTime()) return [];
  const slots: WallClock[] = [now];
  const before = wallClockAt(new Date(at.getTime() - MINUTE), timeZone);
  const expected = naiveMs(before.localDate, before.localTime) + MINUTE;
  const actual = naiveMs(now.localDate, now.localTime);
  for (let ms = expected; ms < actual; ms += MINUTE) {
    const skipped = naiveWall(ms);
    slots.push({ ...skipped, isoWeekday: new Date(ms).getUTCDay() || 7 });
  }
  return slots;
}

/** Whether `localTime` is inside quiet hours [start, end); a window may run past midnight. */
export function isQuietTime(localTime: string, quiet: { start: string; end: string } | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? localTime >= quiet.start && localTime < quiet.end : localTime >= quiet.start || localTime < quiet.end;
}

export type ReminderChoices = {
  isEnabled: boolean;
  times: readonly string[];
  weekdays: readonly number[];
  quiet: { start: string; end: string } | null;
};

export type ReminderDecision = 'send' | 'off' | 'not_this_time' | 'not_this_weekday' | 'quiet_hours' | 'on_a_break' | 'already_checked_in';

/**
 * Whether a daily check-in reminder goes out for one firing slot. Nothing is sent on a declared
 * break or for a day the client has already logged.
 */
export function decideCheckInReminder(
  choices: ReminderChoices,
  slot: WallClock,
  day: { isOnBreak: boolean; hasCheckedIn: boolean },
): ReminderDecision {
  if (!choices.isEnabled) return 'off';
  if (!choices.times.includes(slot.localTime)) return 'not_this_time';
  if (!choices.weekdays.includes(slot.isoWeekday)) return 'not_this_weekday';
  if (isQuietTime(slot.localTime, choices.quiet)) return 'quiet_hours';
  if (day.isOnBreak) return 'on_a_break';
  if (day.hasCheckedIn) return 'already_checked_in';
  return 'send';
}

// A self-care nudge comes a while after the check-in that showed the dip, not at once: the
// check-in page already shows the gentle message; this is a later tap on the shoulder.
export const NUDGE_DELAY_MINUTES = 120;

/**
 * When the nudge for a check-in made at `checkedInAt` goes out: two hours later, moved to the
 * end of quiet hours if it lands in them, and not at all if that would be another day.
 */
export function nudgeInstant(checkedInAt: Date, timeZone: string, quiet: { start: string; end: string } | null): Date | null {
  const day = wallClockAt(checkedInAt, timeZone).localDate;
  let at = minuteStart(new Date(checkedInAt.getTime() + NUDGE_DELAY_MINUTES * MINUTE));
  const wall = wallClockAt(at, timeZone);
  if (quiet && isQuietTime(wall.localTime, quiet)) at = instantOf(wall.localDate, quiet.end, timeZone);
  if (at.getTime() < checkedInAt.getTime()) return null;
  return wallClockAt(at, timeZone).localDate === day ? at : null;
}

export const ONE_OFF_DAYS = ['today', 'tomorrow'] as const;
export type OneOffDay = (typeof ONE_OFF_DAYS)[number];

export type OneOffPlan =
  { ok: true; dueAt: Date; localDate: string; localTime: string } | { ok: false; reason: 'not_a_time' | 'past' | 'quiet_hours' };

/**
 * When a one-off reminder the client asks for ("later today at 17:30", "tomorrow at 08:00")
 * fires: that wall-clock time on that day in their zone, as `instantOf` reads it (a time the
 * clocks skip fires at the first minute after the gap, a time that happens twice the first
 * time). The local time recorded is the one the clocks will show. A time already gone (or this
 * very minute) is refused, and so is one inside the client's quiet hours, as no reminder is sent
 * in them.
 */
export function planOneOffReminder({
  now,
  timeZone,
  day,
  localTime,
  quiet,
}: {
  now: Date;
  timeZone: string;
  day: OneOffDay;
  localTime: string;
  quiet: { start: string; end: string } | null;
}): OneOffPlan {
  if (!isWallTime(localTime)) return { ok: false, reason: 'not_a_time' };
  const today = wallClockAt(now, timeZone).localDate;
  const localDate = day === 'today' ? today : addDays(today, 1);
  const dueAt = instantOf(localDate, localTime, timeZone);
  // The minute under way may already have been dispatched: the next one is the first that counts.
  if (dueAt.getTime() < minuteStart(now).getTime() + MINUTE) return { ok: false, reason: 'past' };
  const wall = wallClockAt(dueAt, timeZone);
  if (isQuietTime(wall.localTime, quiet)) return { ok: false, reason: 'quiet_hours' };
  return { ok: true, dueAt, localDate: wall.localDate, localTime: wall.localTime };
}

export type OneOffDecision = 'send' | 'cancelled' | 'quiet_hours' | 'on_a_break';

/**
 * Whether a planned one-off reminder goes out when its minute comes. Quiet hours and a break
 * are read again then (the client may have changed either since planning), as for every reminder.
 */
export function decideOneOffReminder(
  plan: { isCancelled: boolean; localTime: string },
  now: { quiet: { start: string; end: string } | null; isOnBreak: boolean },
): OneOffDecision {
  if (plan.isCancelled) return 'cancelled';
  if (isQuietTime(plan.localTime, now.quiet)) return 'quiet_hours';
  if (now.isOnBreak) return 'on_a_break';
  return 'send';
}
