import type { SegmentCost } from './pelt';
import type { Columns } from './gaussian-mean-cost';

/**
 * Negative Gaussian log-likelihood (up to constants) of a segment with its own straight line per
 * dimension (intercept and slope over the time points), with known scale: Σ_d RSS_d / σ_d². A
 * trending series is then one segment, not a staircase of level shifts; a level shift is still a
 * change, because one line cannot bridge the jump. Missing values drop out. O(1) per segment
 * through prefix sums of t, t², y, ty and y².
 */
export function gaussianLinearCost(columns: Columns, scales: readonly number[]): SegmentCost {
  const n = columns[0]?.length ?? 0;
  const prefixes = columns.map((column, d) => {
    const scale = scales[d] ?? 1;
    const sums = Array.from({ length: 6 }, () => new Float64Array(n + 1));
    const [count, tSum, ttSum, ySum, tySum, yySum] = sums as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    for (let t = 0; t < n; t += 1) {
      const raw = column[t];
      const isPresent = raw !== null && raw !== undefined && Number.isFinite(raw);
      const v = isPresent ? raw / scale : 0;
      const w = isPresent ? 1 : 0;
      count[t + 1] = (count[t] as number) + w;
      tSum[t + 1] = (tSum[t] as number) + w * t;
      ttSum[t + 1] = (ttSum[t] as number) + w * t * t;
      ySum[t + 1] = (ySum[t] as number) + v;
      tySum[t + 1] = (tySum[t] as number) + v * t;
      yySum[t + 1] = (yySum[t] as number) + v * v;
    }
    return sums;
  });
  const span = (a: Float64Array, start: number, end: number) => (a[end] as number) - (a[start] as number);
  return (start, end) => {
    let cost = 0;
    for (const [count, tSum, ttSum, ySum, tySum, yySum] of prefixes as Float64Array[][]) {
      const k = span(count as Float64Array, start, end);
      if (k === 0) continue;
      const st = span(tSum as Float64Array, start, end);
      const sy = span(ySum as Float64Array, start, end);
      const syy = span(yySum as Float64Array, start, end) - (sy * sy) / k;
      const stt = span(ttSum as Float64Array, start, end) - (st * st) / k;
      const sty = span(tySum as Float64Array, start, end) - (st * sy) / k;
      cost += stt > 1e-12 ? Math.max(0, syy - (sty * sty) / stt) : syy;
    }
    return cost;
  };
}
