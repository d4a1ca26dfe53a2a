import { describe, expect, it } from 'vitest';
import { instantOf, wallClockAt, wallClockText } from '@/lib/dates';
import {
  decideCheckInReminder,
  decideOneOffReminder,
  isQuietTime,
  nudgeInstant,
  planOneOffReminder,
  slotsFiringAt,
  type ReminderChoices,
} from './schedule';

const LISBON = 'Europe/Lisbon';
const NEW_YORK = 'America/New_York';
const utc = (iso: string) => new Date(iso);

/** Every slot that fires, minute by minute, over [from, to): "date HH:MM" → how many times. */
function firingCounts(timeZone: string, from: string, to: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let ms = Date.parse(from); ms < Date.parse(to); ms += 60_000) {
    for (const slot of slotsFiringAt(new Date(ms), timeZone)) {
      const key = `${slot.localDate} ${slot.localTime}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

describe('wall-clock reminders across daylight-saving changes', () => {
  it('keeps a 20:00 Lisbon reminder at 20:00 on both sides of each change', () => {
    expect(instantOf('2026-03-28', '20:00', LISBON)).toEqual(utc('2026-03-28T20:00:00Z'));
    expect(instantOf('2026-03-29', '20:00', LISBON)).toEqual(utc('2026-03-29T19:00:00Z'));
    expect(instantOf('2026-10-24', '20:00', LISBON)).toEqual(utc('2026-10-24T19:00:00Z'));
    expect(instantOf('2026-10-25', '20:00', LISBON)).toEqual(utc('2026-10-25T20:00:00Z'));
    expect(slotsFiringAt(utc('2026-03-29T19:00:00Z'), LISBON).map((s) => s.localTime)).toEqual(['20:00']);
  });

  it('keeps a 20:00 New York reminder at 20:00 on both sides of each change', () => {
    expect(instantOf('2026-03-07', '20:00', NEW_YORK)).toEqual(utc('2026-03-08T01:00:00Z'));
    expect(instantOf('2026-03-08', '20:00', NEW_YORK)).toEqual(utc('2026-03-09T00:00:00Z'));
    expect(instantOf('2026-10-31', '20:00', NEW_YORK)).toEqual(utc('2026-11-01T00:00:00Z'));
    expect(instantOf('2026-11-01', '20:00', NEW_YORK)).toEqual(utc('2026-11-02T01:00:00Z'));
  });

  it('fires a time skipped by the spring-forward gap once, at the next valid minute', () => {
    // Lisbon: 01:00 becomes 02:00 on 29 March 2026; New York: 02:00 becomes 03:00 on 8 March 2026.
    expect(instantOf('2026-03-29', '01:30', LISBON)).toEqual(utc('2026-03-29T01:00:00Z'));
    expect(wallClockAt(utc('2026-03-29T01:00:00Z'), LISBON).localTime).toBe('02:00');
    expect(instantOf('2026-03-08', '02:30', NEW_YORK)).toEqual(utc('2026-03-08T07:00:00Z'));
    const gapEnd = slotsFiringAt(utc('2026-03-08T07:00:00Z'), NEW_YORK).map((s) => s.localTime);
    expect(gapEnd).toContain('02:30');
    expect(gapEnd).toContain('03:00');
    expect(gapEnd).toHaveLength(61);
  });

  it('fires a time repeated when the clocks go back once, the first time round', () => {
    // Lisbon: 02:00 becomes 01:00 on 25 October 2026; New York: on 1 November 2026.
    expect(instantOf('2026-10-25', '01:30', LISBON)).toEqual(utc('2026-10-25T00:30:00Z'));
    expect(slotsFiringAt(utc('2026-10-25T01:30:00Z'), LISBON)).toEqual([]);
    expect(instantOf('2026-11-01', '01:30', NEW_YORK)).toEqual(utc('2026-11-01T05:30:00Z'));
    expect(slotsFiringAt(utc('2026-11-01T06:30:00Z'), NEW_YORK)).toEqual([]);
  });

  it.each([
    [LISBON, '2026-03-28T22:00:00Z', '2026-03-30T02:00:00Z', '2026-03-29'],
    [LISBON, '2026-10-24T22:00:00Z', '2026-10-26T02:00:00Z', '2026-10-25'],
    [NEW_YORK, '2026-03-08T03:00:00Z', '2026-03-09T06:00:00Z', '2026-03-08'],
    [NEW_YORK, '2026-11-01T02:00:00Z', '2026-11-02T07:00:00Z', '2026-11-01'],
  ])('in %s, every minute of the changeover day fires exactly once (%s)', (zone, from, to, day) => {
    const counts = firingCounts(zone, from, to);
    const ofDay = [...counts].filter(([key]) => key.startsWith(day));
    expect(ofDay).toHaveLength(24 * 60);
    expect(ofDay.every(([, n]) => n === 1)).toBe(true);
  });
});

describe('quiet hours', () => {
  it('reads a window within a day and one past midnight', () => {
    expect(isQuietTime('13:00', { start: '12:00', end: '14:00' })).toBe(true);
    expect(isQuietTime('14:00', { start: '12:00', end: '14:00' })).toBe(false);
    expect(isQuietTime('23:30', { start: '22:00', end: '07:00' })).toBe(true);
    expect(isQuietTime('06:59', { start: '22:00', end: '07:00' })).toBe(true);
    expect(isQuietTime('07:00', { start: '22:00', end: '07:00' })).toBe(false);
    expect(isQuietTime('03:00', null)).toBe(false);
  });
});

describe('decideCheckInReminder', () => {
  const choices: ReminderChoices = {
    isEnabled: true,
    times: ['20:00'],
    weekdays: [1, 2, 3, 4, 5],
    quiet: { start: '22:00', end: '07:00' },
  };
  const monday = { localDate: '2026-11-30', localTime: '20:00', isoWeekday: 1 };
  const free = { isOnBreak: false, hasCheckedIn: false };

  it('sends at the chosen time on a chosen weekday', () => {
    expect(decideCheckInReminder(choices, monday, free)).toBe('send');
  });
  it('sends nothing when off, at another time or on another weekday', () => {
    expect(decideCheckInReminder({ ...choices, isEnabled: false }, monday, free)).toBe('off');
    expect(decideCheckInReminder(choices, { ...monday, localTime: '20:01' }, free)).toBe('not_this_time');
    expect(decideCheckInReminder(choices, { ...monday, localDate: '2026-12-05', isoWeekday: 6 }, free)).toBe('not_this_weekday');
  });
  it('stays silent in quiet hours, on a break and for a day already logged', () => {
    expect(decideCheckInReminder({ ...choices, times: ['23:00'] }, { ...monday, localTime: '23:00' }, free)).toBe('quiet_hours');
    expect(decideCheckInReminder(choices, monday, { isOnBreak: true, hasCheckedIn: false })).toBe('on_a_break');
    expect(decideCheckInReminder(choices, monday, { isOnBreak: false, hasCheckedIn: true })).toBe('already_checked_in');
  });
});

describe('nudgeInstant', () => {
  it('comes two hours after the check-in, moved out of quiet hours, never on another day', () => {
    expect(nudgeInstant(utc('2026-11-30T10:15:30Z'), LISBON, null)).toEqual(utc('2026-11-30T12:15:00Z'));
    expect(nudgeInstant(utc('2026-11-30T11:00:00Z'), LISBON, { start: '12:30', end: '15:00' })).toEqual(utc('2026-11-30T15:00:00Z'));
    expect(nudgeInstant(utc('2026-11-30T21:00:00Z'), LISBON, { start: '22:00', end: '07:00' })).toBeNull();
    expect(nudgeInstant(utc('2026-11-30T22:30:00Z'), LISBON, null)).toBeNull();
  });
});

describe('a one-off reminder planned with the companion', () => {
  const plan = (
    now: string,
    timeZone: string,
    day: 'today' | 'tomorrow',
    localTime: string,
    quiet: { start: string; end: string } | null = null,
  ) => planOneOffReminder({ now: utc(now), timeZone, day, localTime, quiet });

  it('fires later today or tomorrow at the wall-clock time in the client’s zone', () => {
    expect(plan('2026-11-29T15:10:00Z', LISBON, 'today', '17:30')).toEqual({
      ok: true,
      dueAt: utc('2026-11-29T17:30:00Z'),
      localDate: '2026-11-29',
      localTime: '17:30',
    });
    expect(plan('2026-11-29T15:10:00Z', NEW_YORK, 'tomorrow', '08:00')).toEqual({
      ok: true,
      dueAt: utc('2026-11-30T13:00:00Z'),
      localDate: '2026-11-30',
      localTime: '08:00',
    });
    // Just before midnight in New York it is already the next day in UTC: "today" is New York's.
    expect(plan('2026-11-30T04:30:00Z', NEW_YORK, 'today', '23:45')).toMatchObject({
      ok: true,
      localDate: '2026-11-29',
      dueAt: utc('2026-11-30T04:45:00Z'),
    });
  });

  it('stays on the wall clock across a daylight-saving change overnight', () => {
    // Lisbon moves from UTC+1 to UTC on 25 October 2026: 09:00 the next morning is 09:00 UTC.
    expect(plan('2026-10-24T20:00:00Z', LISBON, 'tomorrow', '09:00')).toMatchObject({
      ok: true,
      dueAt: utc('2026-10-25T09:00:00Z'),
      localDate: '2026-10-25',
    });
    // New York springs forward on 8 March 2026: 02:30 does not exist and fires at 03:00, recorded as such.
    expect(plan('2026-03-08T03:00:00Z', NEW_YORK, 'tomorrow', '02:30')).toEqual({
      ok: true,
      dueAt: utc('2026-03-08T07:00:00Z'),
      localDate: '2026-03-08',
      localTime: '03:00',
    });
    // 01:30 happens twice when New York falls back on 1 November 2026: the first time.
    expect(plan('2026-10-31T16:00:00Z', NEW_YORK, 'tomorrow', '01:30')).toMatchObject({ ok: true, dueAt: utc('2026-11-01T05:30:00Z') });
  });

  it('refuses a time already gone (or this very minute), not a time, and quiet hours', () => {
    expect(plan('2026-11-29T17:30:20Z', LISBON, 'today', '17:30')).toEqual({ ok: false, reason: 'past' });
    expect(plan('2026-11-29T17:30:20Z', LISBON, 'today', '09:00')).toEqual({ ok: false, reason: 'past' });
    expect(plan('2026-11-29T17:30:20Z', LISBON, 'today', '17:31')).toMatchObject({ ok: true });
    for (const bad of ['5pm', '24:00', '17:60', '7:30', '', '17:30:00', '1'.repeat(5000)])
      expect(plan('2026-11-29T12:00:00Z', LISBON, 'today', bad)).toEqual({ ok: false, reason: 'not_a_time' });
    const quiet = { start: '22:00', end: '07:00' };
    expect(plan('2026-11-29T12:00:00Z', LISBON, 'tomorrow', '06:30', quiet)).toEqual({ ok: false, reason: 'quiet_hours' });
    expect(plan('2026-11-29T12:00:00Z', LISBON, 'tomorrow', '07:00', quiet)).toMatchObject({ ok: true });
  });

  it('is sent when its minute comes unless cancelled, now inside quiet hours or on a break', () => {
    const now = { quiet: null, isOnBreak: false };
    expect(decideOneOffReminder({ isCancelled: false, localTime: '17:30' }, now)).toBe('send');
    expect(decideOneOffReminder({ isCancelled: true, localTime: '17:30' }, now)).toBe('cancelled');
    expect(
      decideOneOffReminder({ isCancelled: false, localTime: '17:30' }, { quiet: { start: '17:00', end: '18:00' }, isOnBreak: false }),
    ).toBe('quiet_hours');
    expect(decideOneOffReminder({ isCancelled: false, localTime: '17:30' }, { quiet: null, isOnBreak: true })).toBe('on_a_break');
  });

  it('reads as a person reads a date and time', () => {
    expect(wallClockText('2026-11-30', '17:30')).toBe('Mon 30 Nov, 17:30');
  });
});
