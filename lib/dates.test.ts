import { describe, expect, it } from 'vitest';
import { addDays, isValidTimeZone, localDateIn } from './dates';

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
