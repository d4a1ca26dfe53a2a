import { median } from './descriptive';

export interface LineFit {
  slope: number;
  intercept: number;
}

/**
 * Theil–Sen estimator (Theil 1950, Sen 1968): the median of all pairwise slopes; the intercept
 * is median(y) − slope·median(x) (Conover 1980). Pairs sharing an x are skipped.
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): LineFit {
  if (xs.length !== ys.length) throw new RangeError('xs and ys differ in length');
  const slopes: number[] = [];
  for (let i = 0; i < xs.length - 1; i += 1) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    for (let j = i + 1; j < xs.length; j += 1) {
      const dx = (xs[j] as number) - xi;
      if (dx !== 0) slopes.push(((ys[j] as number) - yi) / dx);
    }
  }
  if (slopes.length === 0) throw new RangeError('Theil–Sen needs two distinct x values');
  const slope = median(slopes);
  const intercept = median(ys) - slope * median(xs);
  return { slope, intercept };
}
