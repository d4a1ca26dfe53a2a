import type { DayValue } from './day-value';
import { normalCdf } from './normal';

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

export interface MssdRatioTest {
  ratio: number;
  z: number;
  /** One-sided p for an increase. */
  p: number;
}

/**
 * Is day-to-day variability higher in `recent` than in `baseline`? For white noise the squared
 * successive differences have lag-1 correlation ¼, so Var(ln MSSD) ≈ (2/n)(1 + 2·¼) = 3/n; the
 * log ratio over its standard error is then approximately standard normal.
 */
export function mssdRatioTest(recent: readonly number[], baseline: readonly number[], floor: number): MssdRatioTest {
  if (recent.length < 2 || baseline.length < 2) throw new RangeError('each sample needs at least two differences');
  const ratio = mssd(recent, floor) / mssd(baseline, floor);
  const z = Math.log(ratio) / Math.sqrt(3 / recent.length + 3 / baseline.length);
  return { ratio, z, p: 1 - normalCdf(z) };
}
