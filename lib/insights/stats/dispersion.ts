import type { DayValue } from './day-value';
import { lag1Autocorrelation } from './autocorrelation';
import { fitIntervalNormal, intervalOf, type AnswerIntervals, type IntervalObservation } from './interval-normal';
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
function observations(answers: readonly DayValue[], intervals: AnswerIntervals): IntervalObservation[] {
  const perDay = new Map<number, number>();
  for (const a of answers) perDay.set(a.day, (perDay.get(a.day) ?? 0) + 1);
  return answers.map((a) => ({ ...intervalOf(intervals, a.value), weight: 1 / (perDay.get(a.day) as number) }));
}

/**
 * Has the spread of mood grown? Each answer is read as the interval of felt values it stands for
 * (`intervals`, made by `answerIntervals` from every answer the person has given), so a diary of five levels
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
  intervals: AnswerIntervals,
  baselineDailyMeans: readonly DayValue[],
  sigmaFloor: number,
): DispersionRatioTest {
  if (recent.length < 3 || baseline.length < 3) throw new RangeError('each sample needs at least three values');
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

/**
 * The spread (σ) of day-to-day change with each answer read as the range of mood it stands for
 * (`intervals`, made by `answerIntervals` from every answer the person has given): for each pair of
 * consecutive logged days the change lies between the later day's lowest felt value minus the
 * earlier day's highest and the reverse (a day of several answers is the mean of their ranges),
 * and a normal with its own mean is fitted to those ranges by maximum likelihood
 * (`fitIntervalNormal`), never below the floor. A person who sits between two levels and answers
 * both in turn changes little from day to day, where the root mean squared successive difference
 * of the answers reads a full level's change each time.
 */
export function successiveDifferenceSpread(answers: readonly DayValue[], intervals: AnswerIntervals, sigmaFloor: number): number {
  const byDay = new Map<number, { lower: number; upper: number; count: number }>();
  for (const a of answers) {
    const interval = intervalOf(intervals, a.value);
    const day = byDay.get(a.day) ?? { lower: 0, upper: 0, count: 0 };
    day.lower += interval.lower;
    day.upper += interval.upper;
    day.count += 1;
    byDay.set(a.day, day);
  }
  const days = [...byDay].sort((x, y) => x[0] - y[0]);
  const changes: IntervalObservation[] = [];
  for (let i = 1; i < days.length; i += 1) {
    const [prevDay, prev] = days[i - 1] as (typeof days)[number];
    const [curDay, cur] = days[i] as (typeof days)[number];
    if (curDay - prevDay !== 1) continue;
    changes.push({
      lower: cur.lower / cur.count - prev.upper / prev.count,
      upper: cur.upper / cur.count - prev.lower / prev.count,
      weight: 1,
    });
  }
  if (changes.length === 0) throw new RangeError('no two consecutive logged days');
  return fitIntervalNormal([changes], sigmaFloor).sigma;
}
