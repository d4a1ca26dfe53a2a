import { describe, expect, it } from 'vitest';
import { buildDailySeries } from './daily-series';
import { toDay, toIsoDate } from './dates';
import {
  dailyMoodMeans,
  daysOverdue,
  daysWithoutCheckIn,
  isNotLogging,
  longestGapDays,
  moodTrend,
  unusualSilenceDays,
  usualMood,
  USUAL_MOOD,
} from './definitions';

const today = '2026-03-31';
const daysBefore = (n: number) => toIsoDate(toDay(today) - n);

describe('dailyMoodMeans', () => {
  it('counts several check-ins on one day as one day, their mean, as the engine does', () => {
    const checkIns = [
      { localDate: '2026-03-01', mood: 2 },
      { localDate: '2026-03-01', mood: 6 },
      { localDate: '2026-03-01', mood: 7 },
      { localDate: '2026-02-28', mood: 8 },
    ];
    expect(dailyMoodMeans(checkIns)).toEqual([
      { date: '2026-02-28', mean: 8 },
      { date: '2026-03-01', mean: 5 },
    ]);
    const engine = buildDailySeries(checkIns, toDay('2026-03-01')).mood.map((p) => ({ date: toIsoDate(p.day), mean: p.value }));
    expect(engine).toEqual(dailyMoodMeans(checkIns));
  });
});

describe('usualMood', () => {
  // 8 weeks before the last 7 days alternate 5 and 7 (mean 6, SD ≈ 1.01); the last week is given.
  const usualWeeks = Array.from({ length: USUAL_MOOD.baselineDays }, (_, i) => ({ date: daysBefore(7 + i), mean: i % 2 === 0 ? 5 : 7 }));

  it('is the 56 days before the last 7, with the mean, the spread and the dates it rests on', () => {
    const u = usualMood(usualWeeks, today);
    expect(u.usual).toMatchObject({ mean: 6, loggedDays: 56, from: daysBefore(62), to: daysBefore(7) });
    expect(u.usual?.sd).toBeCloseTo(Math.sqrt((56 * 1) / 55), 10);
    expect(u.recent).toEqual({ mean: null, loggedDays: 0, from: daysBefore(6), to: today });
    expect(u.trend).toBeNull();
  });

  it('calls the last week lower only past the engine’s bar (1.25 points and one SD)', () => {
    const week = (mood: number) => Array.from({ length: 7 }, (_, i) => ({ date: daysBefore(i), mean: mood }));
    expect(usualMood([...usualWeeks, ...week(4.9)], today).trend).toBe('steady');
    expect(usualMood([...usualWeeks, ...week(4.7)], today).trend).toBe('lower');
    expect(usualMood([...usualWeeks, ...week(7.5)], today).trend).toBe('higher');
  });

  it('needs 14 logged days of usual and 4 of the last week', () => {
    expect(usualMood(usualWeeks.slice(0, 13), today).usual).toBeNull();
    expect(usualMood(usualWeeks.slice(0, 14), today).usual?.loggedDays).toBe(14);
    expect(moodTrend(3, 3, { mean: 6, sd: 1 })).toBeNull();
    expect(moodTrend(3, 4, { mean: 6, sd: 1 })).toBe('lower');
  });

  it('gives a stale week its age: the 7 days ending on the last check-in', () => {
    const stale = [...usualWeeks.filter((d) => toDay(d.date) <= toDay(daysBefore(12)))];
    const u = usualMood(stale, today);
    expect(u.recent.mean).toBeNull();
    expect(u.latestWeek).toMatchObject({ lastLoggedOn: daysBefore(12), daysAgo: 12 });
    // Days 12–18 before today: 7 days alternating from index 5 → 7,5,7,5,7,5,7.
    expect(u.latestWeek?.mean).toBeCloseTo(43 / 7, 10);
  });
});

describe('not logging and silence', () => {
  it('is seven days without a check-in in the client’s calendar, counted from joining when never logged', () => {
    expect(daysWithoutCheckIn('2026-03-24', '2026-01-01', today)).toBe(7);
    expect(daysWithoutCheckIn(null, '2026-03-30', today)).toBe(1);
    expect(isNotLogging(6, false)).toBe(false);
    expect(isNotLogging(7, false)).toBe(true);
    expect(isNotLogging(30, true)).toBe(false);
    expect(isNotLogging(null, false)).toBe(false);
  });

  it('is unusual past a week and one and a half times the longest usual gap', () => {
    expect(longestGapDays([1, 2, 5, 6, 10])).toBe(3);
    expect(unusualSilenceDays(2)).toBe(7);
    expect(unusualSilenceDays(6)).toBe(9);
  });
});

describe('daysOverdue', () => {
  it('counts days past the cadence since the last completion, or since joining', () => {
    expect(daysOverdue({ lastCompletedOn: '2026-03-10', joinedOn: '2025-01-01', cadenceDays: 14, today })).toBe(7);
    expect(daysOverdue({ lastCompletedOn: '2026-03-17', joinedOn: '2025-01-01', cadenceDays: 14, today })).toBe(0);
    expect(daysOverdue({ lastCompletedOn: null, joinedOn: '2026-03-01', cadenceDays: 14, today })).toBe(16);
  });
});
