import { twoSidedNormalP } from './normal';
import { rankWithTies } from './ranks';

export interface CorrelationResult {
  n: number;
  rho: number;
  /** Two-sided p-value from the large-sample null distribution ρ·√(n − 1) ~ N(0, 1). */
  p: number;
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation: Pearson's r of the mid-ranks, so ties are handled. */
export function spearman(xs: readonly number[], ys: readonly number[]): CorrelationResult {
  if (xs.length !== ys.length) throw new RangeError('xs and ys differ in length');
  if (xs.length < 3) throw new RangeError('Spearman needs at least three pairs');
  const rho = pearson(rankWithTies(xs).ranks, rankWithTies(ys).ranks);
  const n = xs.length;
  return { n, rho, p: twoSidedNormalP(rho * Math.sqrt(n - 1)) };
}
