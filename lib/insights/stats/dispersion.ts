import type { DayValue } from './day-value';
import { lag1Autocorrelation } from './autocorrelation';
import { variance } from './descriptive';
import { normalCdf } from './normal';

export interface DispersionRatioTest {
  /** Sample variances (n − 1), each about its own window's mean, floored. */
  recentVariance: number;
  baselineVariance: number;
  /** Recent variance over baseline variance, each about its own mean and floored. */
  ratio: number;
  /** Lag-1 autocorrelation of the baseline, clamped to [0, 0.8], that widened the standard error. */
  phi: number;
  z: number;
  /** One-sided p for an increase. */
  p: number;
}

/** Beyond this the AR(1) factor grows without bound on a short, drifting baseline; the test is then merely careful. */
const MAX_PHI = 0.8;

/**
 * Has the spread of daily values about their own mean grown? Each window's sample variance is
 * taken about that window's mean, so every logged day counts (successive differences need two
 * consecutive days, which diaries with gaps often lack). For normal data ln s² has variance
 * 2/(n − 1); for an AR(1) series with coefficient φ, the sample variance's variance is larger by
 * (1 + φ²)/(1 − φ²) (Bartlett 1946; Priestley 1981, §5.3), with φ read from the baseline. The
 * log ratio over its standard error is then approximately standard normal.
 */
export function dispersionRatioTest(recent: readonly DayValue[], baseline: readonly DayValue[], floor: number): DispersionRatioTest {
  if (recent.length < 3 || baseline.length < 3) throw new RangeError('each sample needs at least three values');
  const recentVariance = Math.max(variance(recent.map((p) => p.value)), floor);
  const baselineVariance = Math.max(variance(baseline.map((p) => p.value)), floor);
  const ratio = recentVariance / baselineVariance;
  const phi = Math.min(Math.max(lag1Autocorrelation(baseline), 0), MAX_PHI);
  const factor = (1 + phi * phi) / (1 - phi * phi);
  const z = Math.log(ratio) / Math.sqrt(factor * (2 / (recent.length - 1) + 2 / (baseline.length - 1)));
  return { recentVariance, baselineVariance, ratio, phi, z, p: 1 - normalCdf(z) };
}
