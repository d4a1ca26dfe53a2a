import { DETECTION } from './config';
import { toDay, toIsoDate } from './dates';
import type { IsoDate } from './types';

// One definition of each clinical notion every view shows: the daily mean, usual mood, not logging
// and overdue. The caseload, the brief, the timeline, the admin's counts and the engine all call
// these, so two screens can never disagree about the same client on the same day.

export type DailyMean = { date: IsoDate; mean: number };

/**
 * The daily mean: several check-ins on one day count as one day, their mean (docs/design.md §3), so a
 * person who logs three times on a bad day weighs no more than one who logs once.
 */
/** ISO dates sort as plain strings, several times faster than through a collation. */
const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function dailyMoodMeans(checkIns: readonly { localDate: string; mood: number }[]): DailyMean[] {
  const sums = new Map<string, { total: number; count: number }>();
  for (const c of checkIns) {
    if (!Number.isFinite(c.mood)) continue;
    const date = c.localDate.slice(0, 10);
    const entry = sums.get(date) ?? { total: 0, count: 0 };
    entry.total += c.mood;
    entry.count += 1;
    sums.set(date, entry);
  }
  return [...sums.entries()].map(([date, { total, count }]) => ({ date, mean: total / count })).sort(byDate);
}

/**
 * Usual mood, the personal baseline: the daily means of the 8 weeks before the last 7 days
 * (DETECTION.usualMoodBaselineDays), against the last 7 days. It
 * needs 14 logged days (DETECTION.minBaselineDays) to speak, and the last week needs 4.
 */
export const USUAL_MOOD = {
  recentDays: 7,
  baselineDays: DETECTION.usualMoodBaselineDays,
  minBaselineDays: DETECTION.minBaselineDays,
  minRecentDays: 4,
} as const;

/** Days of check-ins a caller must load, today included, for `usualMood`. */
export const USUAL_MOOD_SPAN_DAYS = USUAL_MOOD.recentDays + USUAL_MOOD.baselineDays;

export type MoodTrend = 'lower' | 'higher' | 'steady';

export type UsualMood = {
  /** The last 7 days, today included. */
  recent: { mean: number | null; loggedDays: number; from: IsoDate; to: IsoDate };
  /** Null below the minimum of logged days. `low`/`high` are the mean ∓ one SD, within 1–10. */
  usual: { mean: number; sd: number; low: number; high: number; loggedDays: number; from: IsoDate; to: IsoDate } | null;
  /** Null when either side has too few days to compare. */
  trend: MoodTrend | null;
  /** The 7 days that end on the last check-in: what a stale "7-day mean" is, with its age. */
  latestWeek: { mean: number; lastLoggedOn: IsoDate; daysAgo: number } | null;
};

const average = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * "Lower" or "higher" only when the gap clears the engine's own bar for a change worth attention:
 * at least DETECTION.minChangePoints and DETECTION.minChangeInSpreads of the person's spread.
 */
export function moodTrend(recentMean: number | null, recentDays: number, usual: { mean: number; sd: number } | null): MoodTrend | null {
  if (recentMean === null || usual === null || recentDays < USUAL_MOOD.minRecentDays) return null;
  const bar = Math.max(DETECTION.minChangePoints, DETECTION.minChangeInSpreads * usual.sd);
  const gap = recentMean - usual.mean;
  if (gap <= -bar) return 'lower';
  if (gap >= bar) return 'higher';
  return 'steady';
}

export function usualMood(daily: readonly DailyMean[], today: IsoDate): UsualMood {
  const end = toDay(today);
  const recentFrom = end - (USUAL_MOOD.recentDays - 1);
  const usualTo = recentFrom - 1;
  const usualFrom = usualTo - (USUAL_MOOD.baselineDays - 1);
  // Each date is parsed once and the days sorted as numbers: the caseload asks this of every
  // client on every request.
  const upToToday: (DailyMean & { day: number })[] = [];
  for (const d of daily) {
    const day = toDay(d.date);
    if (day <= end) upToToday.push({ date: d.date, mean: d.mean, day });
  }
  upToToday.sort((a, b) => a.day - b.day);
  const recent = upToToday.filter((d) => d.day >= recentFrom).map((d) => d.mean);
  const before = upToToday.filter((d) => d.day >= usualFrom && d.day <= usualTo).map((d) => d.mean);
  const recentMean = recent.length > 0 ? average(recent) : null;
  let usual: UsualMood['usual'] = null;
  if (before.length >= USUAL_MOOD.minBaselineDays) {
    const mean = average(before);
    const sd = Math.sqrt(before.reduce((a, x) => a + (x - mean) ** 2, 0) / (before.length - 1));
    usual = {
      mean,
      sd,
      low: Math.max(1, mean - sd),
      high: Math.min(10, mean + sd),
      loggedDays: before.length,
      from: toIsoDate(usualFrom),
      to: toIsoDate(usualTo),
    };
  }
  const last = upToToday.at(-1);
  const latestWeek = last
    ? {
        mean: average(upToToday.filter((d) => d.day > last.day - USUAL_MOOD.recentDays).map((d) => d.mean)),
        lastLoggedOn: last.date,
        daysAgo: end - last.day,
      }
    : null;
  return {
    recent: { mean: recentMean, loggedDays: recent.length, from: toIsoDate(recentFrom), to: today },
    usual,
    trend: moodTrend(recentMean, recent.length, usual),
    latestWeek,
  };
}

/** Whole calendar days from one local date to another. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDay(to) - toDay(from);
}

/**
 * Not logging: a week without a check-in, counted in the client's own calendar (a client who has
 * never logged counts from the day they joined); a declared break is not silence (docs/design.md §3, §5).
 */
export const NOT_LOGGING_DAYS = DETECTION.disengagementMinGapDays;

export function daysWithoutCheckIn(lastCheckInOn: IsoDate | null, joinedOn: IsoDate, today: IsoDate): number {
  return calendarDaysBetween(lastCheckInOn ?? joinedOn, today);
}

export function isNotLogging(daysSilent: number | null, isPaused: boolean): boolean {
  return !isPaused && daysSilent !== null && daysSilent >= NOT_LOGGING_DAYS;
}

/** Days from `from` to `to`, both included, that are not in a declared break. */
export function unpausedDays(from: number, to: number, paused: ReadonlySet<number>): number {
  let count = 0;
  for (let d = from; d <= to; d += 1) if (!paused.has(d)) count += 1;
  return count;
}

/**
 * The person's usual gap: the longest run of days without a check-in, declared breaks not
 * counted, between two check-ins in the year up to `today` (DETECTION.usualGapHistoryDays). A
 * gap still open today is not usual yet: only gaps the person came back from count. 0 when there
 * is no completed gap (or fewer than two check-ins). Days are day numbers (`toDay`).
 */
export function usualLongestGap(loggedDays: readonly number[], paused: ReadonlySet<number>, today: number): number {
  const year = [...new Set(loggedDays)].filter((d) => d > today - DETECTION.usualGapHistoryDays && d <= today).sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < year.length; i += 1) {
    longest = Math.max(longest, unpausedDays((year[i - 1] as number) + 1, (year[i] as number) - 1, paused));
  }
  return longest;
}

/**
 * Silence longer than this person's usual: at least a week (NOT_LOGGING_DAYS), and half as long
 * again as their longest gap of the past year, so someone whose diary shows ten-day gaps they came
 * back from is not flagged on day 7 of the next, while someone who logs daily still is. A year
 * rather than three months because people who skip a week or two do so only a few times a year: on
 * the Daylio-shaped controls of `eval:insights --seeds tuning`, the year took silences raised from
 * 1.30 to 0.72 per client-year (lib/insights/README.md), at the cost of a later flag for
 * people whose diaries already have long gaps (their median delay went from 6 to 13 days).
 *
 * Never later than DETECTION.maxSilenceDays (21), whatever the history or the dismissal
 * sensitivity `factor`: three weeks is the default questionnaire cadence (14 days, docs/design.md
 * §3) plus the week's grace the overdue-questionnaire signal allows, so a client who has gone quiet
 * is raised no later than a missed questionnaire would raise them (where dismissals could not move
 * the bar for that reason, the insight says so rather than "shown less often"). Below the bar the silence is
 * still shown: `isNotLogging` (7 days) puts it on the caseload and in the admin's counts.
 */
export function unusualSilenceDays(usualGap: number, factor = 1): number {
  const personal = Math.max(NOT_LOGGING_DAYS, Math.ceil(usualGap * DETECTION.usualGapFactor)) * factor;
  return Math.min(DETECTION.maxSilenceDays, personal);
}

/**
 * Overdue: a questionnaire is due a cadence (the therapist's, else the clinic's, default 14 days,
 * docs/design.md §3) after it was last completed, or after the client joined when it never was; the days
 * past that due date, in the client's calendar. Positive means overdue.
 */
export function daysOverdue({
  lastCompletedOn,
  joinedOn,
  cadenceDays,
  today,
}: {
  lastCompletedOn: IsoDate | null;
  joinedOn: IsoDate;
  cadenceDays: number;
  today: IsoDate;
}): number {
  return calendarDaysBetween(lastCompletedOn ?? joinedOn, today) - cadenceDays;
}
