import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageText,
  agoText,
  dateText,
  dayText,
  instantOf,
  isValidTimeZone,
  localDateIn,
  momentText,
  timeText,
  wallClockAt,
} from '.';

describe('localDateIn', () => {
  it('puts 23:30 in Lisbon on that day in Lisbon, in winter and in summer time', () => {
    // 23:30 WET (UTC+0) on 15 January and 23:30 WEST (UTC+1) on 15 July.
    expect(localDateIn('Europe/Lisbon', new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(localDateIn('Europe/Lisbon', new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-15');
    expect(localDateIn('Europe/Lisbon', new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
  });

  it('keeps the day right across the daylight-saving change', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 in Lisbon.
    expect(localDateIn('Europe/Lisbon', new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(localDateIn('Europe/Lisbon', new Date('2026-03-29T22:59:00Z'))).toBe('2026-03-29');
    expect(localDateIn('Europe/Lisbon', new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
  });

  it('differs from UTC where the zone is far from it', () => {
    expect(localDateIn('Pacific/Auckland', new Date('2026-06-01T13:00:00Z'))).toBe('2026-06-02');
    expect(localDateIn('America/Los_Angeles', new Date('2026-06-01T05:00:00Z'))).toBe('2026-05-31');
  });

  it('agrees with the zoned wall clock every 7 hours of a year, in zones with half hours, quarter hours and daylight saving', () => {
    const wrong: string[] = [];
    for (const zone of ['Europe/Lisbon', 'Pacific/Auckland', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000) {
        const at = new Date(ms);
        if (localDateIn(zone, at) !== wallClockAt(at, zone).localDate) wrong.push(`${zone} ${at.toISOString()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => localDateIn('Mars/Olympus_Mons', new Date())).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('instantOf', () => {
  it('reads a wall-clock time in the zone, in winter and in summer time', () => {
    expect(instantOf('2026-01-15', '20:00', 'Europe/Lisbon').toISOString()).toBe('2026-01-15T20:00:00.000Z');
    expect(instantOf('2026-07-15', '20:00', 'Europe/Lisbon').toISOString()).toBe('2026-07-15T19:00:00.000Z');
  });

  it('takes a time the spring-forward gap skips to the next minute that exists, and a repeated time the first time round', () => {
    // New York: 02:00 became 03:00 on 8 March 2026, and 02:00 became 01:00 again on 1 November 2026.
    expect(instantOf('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantOf('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('makes midnight where a day begins, so sharing until a day ends as the next begins', () => {
    expect(instantOf('2026-05-13', '00:00', 'Asia/Tokyo').toISOString()).toBe('2026-05-12T15:00:00.000Z');
  });
});

describe('written dates and times', () => {
  const at = new Date('2026-09-03T13:02:00Z');

  it('writes a calendar day the same for every reader, in the style asked', () => {
    expect(dayText('2026-09-03')).toBe('3 September 2026');
    expect(dayText('2026-09-03', { weekday: 'short', month: 'short' })).toBe('Thu 3 Sep 2026');
    expect(dayText('2026-09-03', { weekday: 'long', year: false })).toBe('Thursday 3 September');
    expect(dayText('2026-09-03', { month: 'short', year: false })).toBe('3 Sep');
    expect(dayText('2026-09-03', { weekday: 'narrow', month: 'none' })).toBe('T');
  });

  it('writes an instant in the reader’s own zone', () => {
    expect(momentText(at, 'Europe/London')).toBe('3 Sep 2026, 14:02');
    expect(momentText(at, 'Asia/Tokyo')).toBe('3 Sep 2026, 22:02');
    expect(momentText(new Date('2026-11-26T23:30:00Z'), 'Asia/Tokyo', { weekday: true, year: false })).toBe('Fri 27 Nov, 08:30');
    expect(dateText(new Date('2026-11-26T23:30:00Z'), 'Asia/Tokyo')).toBe('27 Nov 2026');
    expect(dateText(at, 'America/Los_Angeles', { month: 'long' })).toBe('3 September 2026');
    expect(timeText(at, 'America/New_York')).toBe('09:02');
  });

  it('speaks of waiting in hours up to two days, then days', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(ageText(new Date('2026-11-26T11:30:00Z'), now)).toBe('less than an hour');
    expect(ageText(new Date('2026-11-26T11:00:00Z'), now)).toBe('1 hour');
    expect(ageText(new Date('2026-11-25T06:00:00Z'), now)).toBe('30 hours');
    expect(ageText(new Date('2026-11-22T12:00:00Z'), now)).toBe('4 days');
  });

  it('says how long ago in minutes, hours, then days', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(agoText(new Date('2026-11-26T11:59:45Z'), now)).toBe('just now');
    expect(agoText(new Date('2026-11-26T11:55:00Z'), now)).toBe('5 minutes ago');
    expect(agoText(new Date('2026-11-26T09:00:00Z'), now)).toBe('3 hours ago');
    expect(agoText(new Date('2026-11-25T10:00:00Z'), now)).toBe('yesterday');
    expect(agoText(new Date('2026-11-22T12:00:00Z'), now)).toBe('4 days ago');
  });
});
