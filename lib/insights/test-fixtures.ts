import { toDay, toIsoDate } from './dates';
import type { EngineCheckIn } from './types';

/** Deterministic wobble of whole points around 0 (an LCG), for hand-built test histories. */
export function wobble(length: number, seed: number, amplitude = 1): number[] {
  let state = seed >>> 0;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const u = state / 2 ** 32;
    return Math.round((u * 2 - 1) * amplitude * 1.5);
  });
}

/** One check-in per non-null value, on consecutive days from `start`. */
export function dailyCheckIns(
  start: string,
  moods: readonly (number | null)[],
  extra: (i: number) => Partial<EngineCheckIn> = () => ({}),
): EngineCheckIn[] {
  const first = toDay(start);
  const out: EngineCheckIn[] = [];
  moods.forEach((mood, i) => {
    if (mood !== null) out.push({ localDate: toIsoDate(first + i), mood: Math.min(10, Math.max(1, mood)), ...extra(i) });
  });
  return out;
}

/** A level with wobble, one value per day; `change(i)` adds the planted pattern. */
export function moodSeries(length: number, level: number, seed: number, change: (i: number) => number = () => 0): number[] {
  return wobble(length, seed).map((w, i) => Math.round(level + w + change(i)));
}

export function dayAfter(start: string, days: number): string {
  return toIsoDate(toDay(start) + days);
}
