import { bandFor } from '@/lib/clinical/bands';
import type { Instrument } from '@/lib/clinical/instruments';
import { totalScore } from '@/lib/clinical/scoring';
import { addDays } from '@/lib/dates';

// Everything the history page draws, prepared on the server as plain data: the chart
// components only render it, and every chart has a sentence for screen readers.

export const HISTORY_WINDOWS = [30, 90, 365] as const;
export type HistoryWindow = (typeof HISTORY_WINDOWS)[number];

export type HistoryCheckIn = { localDate: string; mood: number; tags: readonly string[] };
export type HistoryMeasure = { instrument: Instrument; items: readonly number[]; localDate: string };

export type MoodPoint = { date: string; mood: number | null; rollingMean: number | null };
export type MoodChart = { points: MoodPoint[]; loggedDays: number; totalDays: number; summary: string };

/** A 7-day mean speaks only when at least this many of its 7 days were logged. */
export const ROLLING_MIN_DAYS = 4;

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The mean mood of each logged day (several check-ins a day count once, as their mean). */
export function dailyMeans(checkIns: readonly HistoryCheckIn[]): Map<string, number> {
  const byDay = new Map<string, number[]>();
  for (const c of checkIns) byDay.set(c.localDate, [...(byDay.get(c.localDate) ?? []), c.mood]);
  return new Map([...byDay].map(([day, moods]) => [day, mean(moods)]));
}

export function moodChart(checkIns: readonly HistoryCheckIn[], from: string, to: string): MoodChart {
  const daily = dailyMeans(checkIns);
  const dates = datesBetween(from, to);
  const points = dates.map((date, i) => {
    const week = dates.slice(Math.max(0, i - 6), i + 1).flatMap((d) => (daily.has(d) ? [daily.get(d) as number] : []));
    return {
      date,
      mood: daily.has(date) ? round1(daily.get(date) as number) : null,
      rollingMean: week.length >= ROLLING_MIN_DAYS ? round1(mean(week)) : null,
    };
  });
  const logged = points.flatMap((p) => (p.mood === null ? [] : [p.mood]));
  return { points, loggedDays: logged.length, totalDays: dates.length, summary: moodSummary(points, logged) };
}

function moodSummary(points: readonly MoodPoint[], logged: readonly number[]): string {
  const span = `${logged.length} of the ${points.length} days`;
  if (logged.length === 0) return `No check-ins in these ${points.length} days.`;
  const parts = [
    `You checked in on ${span}.`,
    `Your daily mood averaged ${round1(mean(logged))} out of 10, lowest ${Math.min(...logged)}, highest ${Math.max(...logged)}.`,
  ];
  const rolling = points.filter((p) => p.rollingMean !== null);
  const first = rolling[0];
  const last = rolling.at(-1);
  if (first && last && first !== last) {
    parts.push(`The 7-day average went from ${first.rollingMean} to ${last.rollingMean}.`);
  }
  return parts.join(' ');
}

export type HeatCell = { date: string; count: number; mood: number | null };
export type Heatmap = { weeks: (HeatCell | null)[][]; summary: string };

/** Logged days as weeks (Monday first) for a calendar heat-map; days outside the window are null. */
export function loggedDaysHeatmap(checkIns: readonly HistoryCheckIn[], from: string, to: string): Heatmap {
  const counts = new Map<string, number>();
  for (const c of checkIns) counts.set(c.localDate, (counts.get(c.localDate) ?? 0) + 1);
  const daily = dailyMeans(checkIns);
  const weekdayOf = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weeks: (HeatCell | null)[][] = [];
  let week: (HeatCell | null)[] = Array.from({ length: weekdayOf(from) }, () => null);
  for (const date of datesBetween(from, to)) {
    const m = daily.get(date);
    week.push({ date, count: counts.get(date) ?? 0, mood: m === undefined ? null : round1(m) });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  const logged = [...counts.keys()].filter((d) => d >= from && d <= to).length;
  const total = datesBetween(from, to).length;
  return { weeks, summary: `Calendar of ${total} days: ${logged} with at least one check-in, ${total - logged} without.` };
}

export type TagCount = { tag: string; days: number };
export type TagPatterns = { better: TagCount[]; worse: TagCount[]; betterDays: number; worseDays: number; median: number | null };

/**
 * Which tags come most often with the person's better and worse days: days above and below the
 * median of their own daily means. Counts only: a tag appearing on good days does not make the
 * day good.
 */
export function tagPatterns(checkIns: readonly HistoryCheckIn[], limit = 5): TagPatterns {
  const daily = dailyMeans(checkIns);
  if (daily.size < 2) return { better: [], worse: [], betterDays: 0, worseDays: 0, median: null };
  const sorted = [...daily.values()].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const tagsByDay = new Map<string, Set<string>>();
  for (const c of checkIns) {
    const set = tagsByDay.get(c.localDate) ?? new Set<string>();
    for (const t of c.tags) set.add(t.toLowerCase());
    tagsByDay.set(c.localDate, set);
  }
  const count = (keep: (m: number) => boolean) => {
    const counts = new Map<string, number>();
    let days = 0;
    for (const [day, m] of daily) {
      if (!keep(m)) continue;
      days += 1;
      for (const t of tagsByDay.get(day) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const top = [...counts]
      .map(([tag, n]) => ({ tag, days: n }))
      .filter((t) => t.days >= 2)
      .sort((a, b) => b.days - a.days || a.tag.localeCompare(b.tag))
      .slice(0, limit);
    return { top, days };
  };
  const better = count((m) => m > median);
  const worse = count((m) => m < median);
  return { better: better.top, worse: worse.top, betterDays: better.days, worseDays: worse.days, median: round1(median) };
}

export type MeasurePoint = { date: string; total: number; band: string };
export type MeasureChart = { instrument: Instrument; name: string; max: number; points: MeasurePoint[]; summary: string };

const instrumentNames: Record<Instrument, { name: string; max: number }> = {
  phq9: { name: 'PHQ-9 (low mood)', max: 27 },
  gad7: { name: 'GAD-7 (anxiety)', max: 21 },
};

/** Totals and bands (lib/clinical) of each instrument, oldest first. */
export function measureCharts(measures: readonly HistoryMeasure[]): MeasureChart[] {
  return (['phq9', 'gad7'] as const).map((instrument) => {
    const { name, max } = instrumentNames[instrument];
    const points = measures
      .filter((m) => m.instrument === instrument)
      .slice()
      .sort((a, b) => a.localDate.localeCompare(b.localDate))
      .map((m) => {
        const total = totalScore(instrument, m.items);
        return { date: m.localDate, total, band: bandFor(instrument, total).label };
      });
    const first = points[0];
    const last = points.at(-1);
    const summary =
      !first || !last
        ? `No ${name} answers in this period.`
        : points.length === 1
          ? `One ${name} answer: ${last.total} of ${max}, ${last.band.toLowerCase()}.`
          : `${points.length} ${name} answers, from ${first.total} (${first.band.toLowerCase()}) to ${last.total} (${last.band.toLowerCase()}) out of ${max}.`;
    return { instrument, name, max, points, summary };
  });
}
