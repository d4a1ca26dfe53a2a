import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { isCalendarDay, planDay, sessionDay, strictDecimal, strictInteger } from './calendar-day';

const today = new Date().toISOString().slice(0, 10);

describe('calendar days', () => {
  it('are real days only', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-99-99', '2025-02-29', '2026-1-01', '20260101', '', '2026-04-31'])
      expect(isCalendarDay(bad)).toBe(false);
  });

  it('are within a sane range around today', () => {
    expect(sessionDay('x').safeParse(today).success).toBe(true);
    expect(sessionDay('x').safeParse('1900-01-01').success).toBe(false);
    expect(sessionDay('x').safeParse('3000-01-01').success).toBe(false);
    expect(planDay('x').safeParse(addDays(today, 365)).success).toBe(true);
    expect(planDay('x').safeParse(addDays(today, 6 * 366)).error?.issues[0]?.message).toMatch(/^Choose a date between/);
    expect(planDay('Give the review date as a date.').safeParse('2026-02-30').error?.issues[0]?.message).toBe(
      'Give the review date as a date.',
    );
  });
});

describe('numbers as typed', () => {
  it('read digits only: 1e1, hex and Infinity are not numbers a person typed', () => {
    expect(strictInteger('x').parse('7')).toBe(7);
    for (const bad of ['1e1', '0x10', 'Infinity', '7.0', '', 'seven']) expect(strictInteger('x').safeParse(bad).success).toBe(false);
    expect(strictDecimal('x').parse('6.5')).toBe(6.5);
    for (const bad of ['6e0', 'Infinity', '-1', '.5', 'NaN']) expect(strictDecimal('x').safeParse(bad).success).toBe(false);
  });
});
