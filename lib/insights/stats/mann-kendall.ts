import { twoSidedNormalP } from './normal';

export interface MannKendallResult {
  n: number;
  /** Σ sign(y_j − y_i) over all pairs i < j. */
  s: number;
  /** Var(S) under no trend, corrected for ties (Kendall 1975), times any autocorrelation factor. */
  variance: number;
  /** Continuity-corrected normal statistic (S ∓ 1) / √Var(S). */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** Kendall's τ-a: S over the number of pairs. */
  tau: number;
}

/**
 * Mann–Kendall trend test for values in time order. `varianceFactor` (≥ 1) widens Var(S) for
 * serially correlated data, as in the effective-sample-size correction of Yue & Wang (2004).
 */
export function mannKendall(values: readonly number[], varianceFactor = 1): MannKendallResult {
  const n = values.length;
  if (n < 3) throw new RangeError('Mann–Kendall needs at least three values');
  let s = 0;
  for (let i = 0; i < n - 1; i += 1) {
    const yi = values[i] as number;
    for (let j = i + 1; j < n; j += 1) s += Math.sign((values[j] as number) - yi);
  }
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of counts.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = ((n * (n - 1) * (2 * n + 5) - tieTerm) / 18) * varianceFactor;
  const z = s === 0 || variance <= 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { n, s, variance, z, p: twoSidedNormalP(z), tau: s / ((n * (n - 1)) / 2) };
}
