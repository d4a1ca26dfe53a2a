import { describe, expect, it } from 'vitest';
import { checkInDay, isCheckInToday } from './check-in-day';

describe('checkInDay', () => {
  it('puts a check-in at 23:30 in Lisbon on that Lisbon day, in summer and winter time', () => {
    expect(checkInDay('Europe/Lisbon', new Date('2026-07-15T22:30:00Z')).localDate).toBe('2026-07-15');
    expect(checkInDay('Europe/Lisbon', new Date('2026-01-15T23:30:00Z')).localDate).toBe('2026-01-15');
  });

  it('moves to the next day at local midnight, on the daylight-saving days too', () => {
    // Lisbon springs forward on 29 March 2026 (01:00 UTC) and falls back on 25 October 2026 (01:00 UTC).
    expect(checkInDay('Europe/Lisbon', new Date('2026-03-29T22:59:59Z')).localDate).toBe('2026-03-29');
    expect(checkInDay('Europe/Lisbon', new Date('2026-03-29T23:00:00Z')).localDate).toBe('2026-03-30');
    expect(checkInDay('Europe/Lisbon', new Date('2026-10-24T22:59:59Z')).localDate).toBe('2026-10-24');
    expect(checkInDay('Europe/Lisbon', new Date('2026-10-25T23:59:59Z')).localDate).toBe('2026-10-25');
    expect(checkInDay('Europe/Lisbon', new Date('2026-10-26T00:00:00Z')).localDate).toBe('2026-10-26');
  });

  it('keeps the zone it used, and falls back to UTC for an unknown zone', () => {
    expect(checkInDay('Pacific/Auckland', new Date('2026-06-01T13:00:00Z'))).toEqual({
      localDate: '2026-06-02',
      timeZone: 'Pacific/Auckland',
    });
    expect(checkInDay('Not/AZone', new Date('2026-06-01T23:30:00Z'))).toEqual({ localDate: '2026-06-01', timeZone: 'UTC' });
  });
});

describe('isCheckInToday', () => {
  it('is true until local midnight and false after it', () => {
    expect(isCheckInToday('2026-07-15', 'Europe/Lisbon', new Date('2026-07-15T22:59:00Z'))).toBe(true);
    expect(isCheckInToday('2026-07-15', 'Europe/Lisbon', new Date('2026-07-15T23:01:00Z'))).toBe(false);
    expect(isCheckInToday('2026-07-15', 'America/Los_Angeles', new Date('2026-07-16T06:00:00Z'))).toBe(true);
  });
});
