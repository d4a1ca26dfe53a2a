import { describe, expect, it } from 'vitest';
import { buildDailySeries } from './daily-series';
import { toDay, toIsoDate } from './dates';
import {
  dailyMoodMeans,
  daysOverdue,
  daysWithoutCheckIn,
  isNotLogging,
  moodTrend,
  unpausedDays,
  unusualSilenceDays,
  usualLongestGap,
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

  const day = toDay(today);
  const none = new Set<number>();
  // Logged every day of the last 60 days but the given ones, `today` being the last logged day.
  const dailyExcept = (...missing: number[]) => Array.from({ length: 60 }, (_, i) => day - i).filter((d) => !missing.includes(day - d));

  it('reads the usual gap from completed gaps of the past year, declared breaks not counted', () => {
    expect(usualLongestGap([], none, day)).toBe(0);
    expect(usualLongestGap([day - 3], none, day)).toBe(0);
    expect(usualLongestGap(dailyExcept(), none, day)).toBe(0);
    // One past gap of 10 days (days 20–29 before today).
    const tenDayGap = dailyExcept(...Array.from({ length: 10 }, (_, i) => 20 + i));
    expect(usualLongestGap(tenDayGap, none, day)).toBe(10);
    // Several: the longest counts; a second log on one day changes nothing.
    expect(usualLongestGap([...dailyExcept(5, 6, 40, 41, 42), day - 10], none, day)).toBe(3);
    // A break declared inside the gap is not silence: 4 of the 10 days were paused.
    const paused = new Set([day - 25, day - 24, day - 23, day - 22]);
    expect(usualLongestGap(tenDayGap, paused, day)).toBe(6);
    expect(unpausedDays(day - 29, day - 20, paused)).toBe(6);
  });

  it('does not count a gap still open, nor one that ended more than a year ago', () => {
    // Logged daily until 12 days ago, silent since: the open gap is not usual yet.
    const silent = Array.from({ length: 60 }, (_, i) => day - 12 - i);
    expect(usualLongestGap(silent, none, day)).toBe(0);
    // A 20-day gap that ended 400 days ago, then daily logging for the last 300 days.
    const old = [day - 430, day - 409, ...Array.from({ length: 300 }, (_, i) => day - i)];
    expect(usualLongestGap(old, none, day)).toBe(0);
    // Read 100 days earlier, both that gap and the 109 days before daily logging began lie within the year.
    expect(usualLongestGap(old, none, day - 100)).toBe(109);
    // The same gap ending within the year counts.
    expect(usualLongestGap([day - 330, day - 309, ...Array.from({ length: 300 }, (_, i) => day - i)], none, day)).toBe(20);
  });

  it('is unusual past a week and one and a half times the usual gap, and never later than three weeks', () => {
    // Someone who logs daily is flagged after a week.
    expect(unusualSilenceDays(0)).toBe(7);
    expect(unusualSilenceDays(2)).toBe(7);
    expect(unusualSilenceDays(6)).toBe(9);
    // Ten-day gaps they came back from: not on day 7 of the next one, but from day 15.
    expect(unusualSilenceDays(10)).toBe(15);
    // The ceiling holds whatever the history or the dismissals.
    expect(unusualSilenceDays(14)).toBe(21);
    expect(unusualSilenceDays(40)).toBe(21);
    expect(unusualSilenceDays(2, 1.5)).toBe(10.5);
    expect(unusualSilenceDays(10, 2)).toBe(21);
  });
});

describe('daysOverdue', () => {
  it('counts days past the cadence since the last completion, or since joining', () => {
    expect(daysOverdue({ lastCompletedOn: '2026-03-10', joinedOn: '2025-01-01', cadenceDays: 14, today })).toBe(7);
    expect(daysOverdue({ lastCompletedOn: '2026-03-17', joinedOn: '2025-01-01', cadenceDays: 14, today })).toBe(0);
    expect(daysOverdue({ lastCompletedOn: null, joinedOn: '2026-03-01', cadenceDays: 14, today })).toBe(16);
  });
});
