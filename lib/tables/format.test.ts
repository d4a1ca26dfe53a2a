import { describe, expect, it } from 'vitest';
import { formatAge, formatDateTime } from './format';

describe('formatAge', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('speaks in hours up to two days, then days', () => {
    expect(formatAge(new Date('2026-11-26T11:30:00Z'), now)).toBe('less than an hour');
    expect(formatAge(new Date('2026-11-26T11:00:00Z'), now)).toBe('1 hour');
    expect(formatAge(new Date('2026-11-25T06:00:00Z'), now)).toBe('30 hours');
    expect(formatAge(new Date('2026-11-22T12:00:00Z'), now)).toBe('4 days');
  });
});

describe('formatDateTime', () => {
  it('uses the reader’s time zone', () => {
    expect(formatDateTime(new Date('2026-11-26T23:30:00Z'), 'Asia/Tokyo')).toContain('27 Nov 2026');
  });
});
