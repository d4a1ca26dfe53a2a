import type { DayValue } from './day-value';
import { lag1Autocorrelation } from './autocorrelation';
import { answerIntervals, fitIntervalNormal, type IntervalObservation } from './interval-normal';
import { normalCdf } from './normal';

export interface DispersionRatioTest {
  /** Maximum-likelihood spread (σ) of the felt mood behind the answers, each window about its own mean, floored. */
  recentSpread: number;
  baselineSpread: number;
  /** Recent spread over baseline spread. */
  ratio: number;
  /** Lag-1 autocorrelation of the baseline's daily means, clamped to [0, 0.8], that widened the test. */
  phi: number;
  /** Signed root of the likelihood-ratio statistic, after the autocorrelation correction. */
  z: number;
  /** One-sided p for an increase. */
  p: number;
}

/** Beyond this the AR(1) factor grows without bound on a short, drifting baseline; the test is then merely careful. */
const MAX_PHI = 0.8;

/** Each answer weighs 1 / (answers that day), so a day counts once however often it was logged. */
function observations(answers: readonly DayValue[], intervals: ReturnType<typeof answerIntervals>): IntervalObservation[] {
  const perDay = new Map<number, number>();
  for (const a of answers) perDay.set(a.day, (perDay.get(a.day) ?? 0) + 1);
  return answers.map((a) => {
    const interval = intervals.get(a.value);
    if (!interval) throw new RangeError(`answer ${a.value} is not on the person's scale`);
    return { ...interval, weight: 1 / (perDay.get(a.day) as number) };
  });
}

/**
 * Has the spread of mood grown? Each answer is read as the interval of felt values it stands for
 * (`answerIntervals`, from every answer the person has given, `scale`), so a diary of five levels
 * is not mistaken for one whose mood moves in steps of two or three points: a person whose usual
 * mood sits between two levels answers both about equally, which makes the answers' own variance
 * large and any later widening look small. Each window's σ is fitted by maximum likelihood about
 * its own mean (`fitIntervalNormal`), never below the floor; the likelihood-ratio statistic for
 * "one σ for both windows" against "a σ each" is divided by Bartlett's AR(1) factor
 * (1 + φ²)/(1 − φ²) for the variance of a variance (Bartlett 1946; Priestley 1981, §5.3), φ read
 * from the baseline's daily means, and its signed root is approximately standard normal (Wilks
 * 1938). For whole-number answers this is close to the log ratio of the two sample variances.
 */
export function dispersionRatioTest(
  recent: readonly DayValue[],
  baseline: readonly DayValue[],
  scale: readonly number[],
  baselineDailyMeans: readonly DayValue[],
  sigmaFloor: number,
): DispersionRatioTest {
  if (recent.length < 3 || baseline.length < 3) throw new RangeError('each sample needs at least three values');
  const intervals = answerIntervals(scale);
  const recentGroup = observations(recent, intervals);
  const baselineGroup = observations(baseline, intervals);
  const separate = [fitIntervalNormal([recentGroup], sigmaFloor), fitIntervalNormal([baselineGroup], sigmaFloor)] as const;
  const shared = fitIntervalNormal([recentGroup, baselineGroup], sigmaFloor);
  const statistic = Math.max(2 * (separate[0].logLikelihood + separate[1].logLikelihood - shared.logLikelihood), 0);
  const phi = Math.min(Math.max(lag1Autocorrelation(baselineDailyMeans), 0), MAX_PHI);
  const factor = (1 + phi * phi) / (1 - phi * phi);
  const ratio = separate[0].sigma / separate[1].sigma;
  const z = Math.sign(ratio - 1) * Math.sqrt(statistic / factor);
  return { recentSpread: separate[0].sigma, baselineSpread: separate[1].sigma, ratio, phi, z, p: 1 - normalCdf(z) };
}
