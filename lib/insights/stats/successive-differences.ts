import type { DayValue } from './day-value';

/** yₜ − yₜ₋₁ for pairs of consecutive calendar days only. */
export function successiveDifferences(points: readonly DayValue[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const prev = points[i - 1] as DayValue;
    const cur = points[i] as DayValue;
    if (cur.day - prev.day === 1) out.push(cur.value - prev.value);
  }
  return out;
}

/** Mean squared successive difference (von Neumann et al. 1941), floored so a flat stretch is not zero. */
export function mssd(differences: readonly number[], floor: number): number {
  let total = 0;
  for (const d of differences) total += d * d;
  return Math.max(total / differences.length, floor);
}
