import { median } from '../stats/descriptive';
import { robustScale } from '../stats/robust-scale';

/**
 * AR(1) coefficient φ of the noise, read from first differences so that level shifts (single
 * outliers among the differences) barely move it. For AR(1) noise the lag-1 correlation of the
 * differences is −(1 − φ)/2, hence φ = 1 + 2ρ. ρ is the robust correlation of Gnanadesikan &
 * Kettenring (1972): (s₊² − s₋²)/(s₊² + s₋²) with s± robust scales of uₜ ± uₜ₊₁. φ is kept in [0, 1].
 */
export function estimateAr1FromDifferences(values: readonly number[]): number {
  if (values.length < 4) return 0;
  const diffs: number[] = [];
  for (let i = 1; i < values.length; i += 1) diffs.push((values[i] as number) - (values[i - 1] as number));
  const centre = median(diffs);
  const centred = diffs.map((d) => d - centre);
  const sums: number[] = [];
  const differences: number[] = [];
  for (let i = 1; i < centred.length; i += 1) {
    sums.push((centred[i - 1] as number) + (centred[i] as number));
    differences.push((centred[i - 1] as number) - (centred[i] as number));
  }
  const plus = robustScale(sums) ** 2;
  const minus = robustScale(differences) ** 2;
  if (plus + minus === 0) return 0;
  const rho = (plus - minus) / (plus + minus);
  return Math.min(1, Math.max(0, 1 + 2 * rho));
}

/** zₜ = yₜ − φ·yₜ₋₁: turns AR(1) noise into white noise, keeping a mean shift as a mean shift. */
export function prewhiten(values: readonly number[], phi: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i += 1) out.push((values[i] as number) - phi * (values[i - 1] as number));
  return out;
}
