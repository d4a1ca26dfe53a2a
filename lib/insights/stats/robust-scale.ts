import { median, scaledMad } from './descriptive';

/**
 * A scale that survives outliers and heavy ties: the scaled MAD, or, when more than half the
 * values tie (the MAD is then 0, common on a 1–10 scale), the mean absolute deviation from the
 * median times √(π/2), which also estimates σ for normal data. 0 only for constant input.
 */
export function robustScale(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mad = scaledMad(values);
  if (mad > 0) return mad;
  const centre = median(values);
  let total = 0;
  for (const v of values) total += Math.abs(v - centre);
  return Math.sqrt(Math.PI / 2) * (total / values.length);
}
