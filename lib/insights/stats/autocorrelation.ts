import type { DayValue } from './day-value';

/**
 * Lag-1 autocorrelation of a daily series with gaps: only pairs of consecutive days enter the
 * numerator; the mean and variance use every value. Returns 0 with fewer than three pairs.
 */
export function lag1Autocorrelation(points: readonly DayValue[]): number {
  if (points.length < 3) return 0;
  let total = 0;
  for (const p of points) total += p.value;
  const m = total / points.length;
  let denominator = 0;
  for (const p of points) denominator += (p.value - m) ** 2;
  let numerator = 0;
  let pairs = 0;
  for (let i = 1; i < points.length; i += 1) {
    const prev = points[i - 1] as DayValue;
    const cur = points[i] as DayValue;
    if (cur.day - prev.day === 1) {
      numerator += (prev.value - m) * (cur.value - m);
      pairs += 1;
    }
  }
  if (pairs < 3 || denominator === 0) return 0;
  return numerator / pairs / (denominator / points.length);
}

/**
 * n / n* for a mean or rank statistic of an AR(1) series with lag-1 correlation ρ:
 * 1 + 2 Σ_{k=1}^{n−1} (1 − k/n) ρ^k (Yue & Wang 2004, with AR(1) autocorrelations).
 * Negative ρ is treated as 0 so the correction never makes a test bolder.
 */
export function autocorrelationVarianceFactor(rho: number, n: number): number {
  const r = Math.min(Math.max(rho, 0), 0.95);
  let factor = 1;
  let power = 1;
  for (let k = 1; k < n; k += 1) {
    power *= r;
    if (power < 1e-12) break;
    factor += 2 * (1 - k / n) * power;
  }
  return factor;
}
