import { toDay } from './dates';
import type { EngineCheckIn, PauseInput } from './types';

import type { DayValue } from './stats/day-value';

export type { DayValue };
export type Field = 'mood' | 'anxiety' | 'energy' | 'sleepHours';

/** Daily means per field, as sorted day/value lists, ignoring anything after `asOfDay`. */
export interface DailySeries {
  asOfDay: number;
  mood: DayValue[];
  anxiety: DayValue[];
  energy: DayValue[];
  sleepHours: DayValue[];
  /** Days with at least one check-in, ascending. */
  loggedDays: number[];
  /** The step between the mood answers this person gives (see `answerStep`). */
  moodStep: number;
  /** Every mood answer, not averaged (several a day stay several), ascending by day. */
  moodAnswers: DayValue[];
}

/**
 * The step of the scale a person answers on, read from their own answers (not the daily means):
 * the median gap between adjacent distinct values they have given. 1 for whole numbers 1–10;
 * about 2 for a Daylio diary imported with its five levels mapped to 1, 3, 5, 8, 10. 1 when
 * fewer than two distinct values are known.
 */
export function answerStep(values: readonly number[]): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length < 2) return 1;
  const gaps = distinct
    .slice(1)
    .map((v, i) => v - (distinct[i] as number))
    .sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
}

function dailyMeans(checkIns: readonly EngineCheckIn[], field: Field, asOfDay: number): DayValue[] {
  const sums = new Map<number, { total: number; count: number }>();
  for (const c of checkIns) {
    const raw = c[field];
    if (raw === null || raw === undefined || !Number.isFinite(raw)) continue;
    const day = toDay(c.localDate);
    if (day > asOfDay) continue;
    const entry = sums.get(day) ?? { total: 0, count: 0 };
    entry.total += raw;
    entry.count += 1;
    sums.set(day, entry);
  }
  return [...sums.entries()].map(([day, { total, count }]) => ({ day, value: total / count })).sort((a, b) => a.day - b.day);
}

export function buildDailySeries(checkIns: readonly EngineCheckIn[], asOfDay: number): DailySeries {
  const mood = dailyMeans(checkIns, 'mood', asOfDay);
  const moodAnswers = checkIns
    .flatMap((c) => {
      const day = toDay(c.localDate);
      return Number.isFinite(c.mood) && day <= asOfDay ? [{ day, value: c.mood }] : [];
    })
    .sort((a, b) => a.day - b.day);
  return {
    asOfDay,
    mood,
    anxiety: dailyMeans(checkIns, 'anxiety', asOfDay),
    energy: dailyMeans(checkIns, 'energy', asOfDay),
    sleepHours: dailyMeans(checkIns, 'sleepHours', asOfDay),
    loggedDays: mood.map((p) => p.day),
    moodStep: answerStep(moodAnswers.map((a) => a.value)),
    moodAnswers,
  };
}

/** Points with from ≤ day ≤ to, by binary search on the sorted list. */
export function between(points: readonly DayValue[], from: number, to: number): DayValue[] {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as DayValue).day < from) lo = mid + 1;
    else hi = mid;
  }
  const out: DayValue[] = [];
  for (let i = lo; i < points.length && (points[i] as DayValue).day <= to; i += 1) out.push(points[i] as DayValue);
  return out;
}

export function pausedDaySet(pauses: readonly PauseInput[], asOfDay: number): Set<number> {
  const days = new Set<number>();
  for (const p of pauses) {
    const start = toDay(p.start);
    const end = p.end === null ? asOfDay : Math.min(toDay(p.end), asOfDay);
    for (let d = start; d <= end; d += 1) days.add(d);
  }
  return days;
}
