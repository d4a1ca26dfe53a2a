import type { SegmentCost } from './pelt';

/** One column per dimension; null marks a missing observation. */
export type Columns = readonly (readonly (number | null)[])[];

/**
 * Negative Gaussian log-likelihood (up to constants) of a change in mean with known scale per
 * dimension: Σ_d Σ_t (y_dt − ȳ_d)² / σ_d² over the segment's observed values. Missing values
 * simply drop out, so gaps need no imputation. O(1) per segment through prefix sums.
 */
export function gaussianMeanCost(columns: Columns, scales: readonly number[]): SegmentCost {
  const n = columns[0]?.length ?? 0;
  const prefixes = columns.map((column, d) => {
    const scale = scales[d] ?? 1;
    const count = new Float64Array(n + 1);
    const total = new Float64Array(n + 1);
    const squares = new Float64Array(n + 1);
    for (let t = 0; t < n; t += 1) {
      const raw = column[t];
      const isPresent = raw !== null && raw !== undefined && Number.isFinite(raw);
      const v = isPresent ? raw / scale : 0;
      count[t + 1] = (count[t] as number) + (isPresent ? 1 : 0);
      total[t + 1] = (total[t] as number) + v;
      squares[t + 1] = (squares[t] as number) + v * v;
    }
    return { count, total, squares };
  });
  return (start, end) => {
    let cost = 0;
    for (const { count, total, squares } of prefixes) {
      const k = (count[end] as number) - (count[start] as number);
      if (k === 0) continue;
      const s = (total[end] as number) - (total[start] as number);
      cost += (squares[end] as number) - (squares[start] as number) - (s * s) / k;
    }
    return cost;
  };
}
