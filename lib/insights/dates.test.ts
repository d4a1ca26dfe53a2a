import { describe, expect, it } from 'vitest';
import { toDay, toIsoDate, weekdayOf } from './dates';
import { buildDailySeries, pausedDaySet } from './daily-series';
import { dayCoverage } from './coverage';

describe('dates', () => {
  it('round-trips calendar dates across a leap day and a DST change', () => {
    for (const d of ['2024-02-29', '2024-03-31', '2025-10-26', '1999-12-31']) expect(toIsoDate(toDay(d))).toBe(d);
    expect(toDay('2024-03-01') - toDay('2024-02-28')).toBe(2);
  });

  it('rejects impossible dates', () => {
    expect(() => toDay('2025-02-29')).toThrow(RangeError);
    expect(() => toDay('25-1-1')).toThrow(RangeError);
    for (const bad of ['1900-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-04-00', '2024-1a-01', '2024/04/01', '2024-04-1', ''])
      expect(() => toDay(bad), bad).toThrow(RangeError);
  });

  it('agrees with the calendar on every day from 1899 to 2101, with or without a time after the date, both ways', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1899, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000) {
      const iso = new Date(ms).toISOString();
      const day = ms / 86_400_000;
      if (toDay(iso.slice(0, 10)) !== day || toDay(iso) !== day || toIsoDate(day) !== iso.slice(0, 10)) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(toDay('2000-02-29') - toDay('2000-02-28')).toBe(1);
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayOf(toDay('2025-01-06'))).toBe(0);
    expect(weekdayOf(toDay('2025-01-12'))).toBe(6);
  });
});

describe('daily series', () => {
  it('averages several check-ins a day and drops later days', () => {
    const series = buildDailySeries(
      [
        { localDate: '2025-01-02', mood: 4, sleepHours: 6 },
        { localDate: '2025-01-02', mood: 7, anxiety: 3 },
        { localDate: '2025-01-01', mood: 5 },
        { localDate: '2025-01-09', mood: 9 },
      ],
      toDay('2025-01-05'),
    );
    expect(series.mood).toEqual([
      { day: toDay('2025-01-01'), value: 5 },
      { day: toDay('2025-01-02'), value: 5.5 },
    ]);
    expect(series.anxiety).toEqual([{ day: toDay('2025-01-02'), value: 3 }]);
    expect(series.sleepHours).toEqual([{ day: toDay('2025-01-02'), value: 6 }]);
  });

  it('expands pauses, open-ended ones up to the as-of date', () => {
    const days = pausedDaySet(
      [
        { start: '2025-01-01', end: '2025-01-03' },
        { start: '2025-01-09', end: null },
      ],
      toDay('2025-01-10'),
    );
    expect([...days].map(toIsoDate)).toEqual(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-09', '2025-01-10']);
  });
});

describe('dayCoverage', () => {
  it('counts logged days and leaves paused, unlogged days out', () => {
    const logged = ['2025-01-01', '2025-01-02', '2025-01-05'].map(toDay);
    const paused = new Set([toDay('2025-01-03')]);
    const coverage = dayCoverage(logged, toDay('2025-01-01'), toDay('2025-01-06'), paused, true);
    expect(coverage).toEqual({ loggedDays: 3, windowDays: 5, text: '3 of the last 5 days logged' });
  });
});
