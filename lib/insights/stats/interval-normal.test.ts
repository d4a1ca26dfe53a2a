import { describe, expect, it } from 'vitest';
import { answerIntervals, fitIntervalNormal, type IntervalObservation } from './interval-normal';
import { normalCdf } from './normal';

const DAYLIO = [1, 3, 5, 8, 10];

function asIntervals(answers: readonly number[], scale: readonly number[] = answers): IntervalObservation[] {
  const intervals = answerIntervals(scale);
  return answers.map((a) => ({ ...(intervals.get(a) as { lower: number; upper: number }), weight: 1 }));
}

/** Log-likelihood written out directly, for brute-force maximisation. */
function logLikelihood(group: readonly IntervalObservation[], mean: number, sigma: number): number {
  let total = 0;
  for (const o of group) total += o.weight * Math.log(normalCdf((o.upper - mean) / sigma) - normalCdf((o.lower - mean) / sigma));
  return total;
}

/** The best mean of a group at this σ: a 0.1 grid over 0–11, then a 0.002 grid around its best. */
function bestOnGrid(group: readonly IntervalObservation[], sigma: number): number {
  let centre = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let mean = 0; mean <= 11; mean += 0.1) {
    const l = logLikelihood(group, mean, sigma);
    if (l > best) [best, centre] = [l, mean];
  }
  for (let mean = centre - 0.1; mean <= centre + 0.1; mean += 0.002) best = Math.max(best, logLikelihood(group, mean, sigma));
  return best;
}

/** A brute-force maximum: σ on a 0.02 grid from the floor to 4, then a 0.001 grid around its best. */
function gridMaximum(groups: readonly IntervalObservation[][], floor: number): { sigma: number; logLikelihood: number } {
  const at = (sigma: number) => groups.reduce((total, group) => total + bestOnGrid(group, sigma), 0);
  let best = { sigma: floor, logLikelihood: Number.NEGATIVE_INFINITY };
  for (let sigma = floor; sigma <= 4; sigma += 0.02) {
    const l = at(sigma);
    if (l > best.logLikelihood) best = { sigma, logLikelihood: l };
  }
  const coarse = best.sigma;
  for (let sigma = Math.max(floor, coarse - 0.02); sigma <= coarse + 0.02; sigma += 0.001) {
    const l = at(sigma);
    if (l > best.logLikelihood) best = { sigma, logLikelihood: l };
  }
  return best;
}

describe('answerIntervals', () => {
  it('reads each answer as the values nearer to it than to the person’s other answers, open at both ends', () => {
    const intervals = answerIntervals([8, 5, 10, 1, 3, 5]);
    expect(intervals.get(1)).toEqual({ lower: Number.NEGATIVE_INFINITY, upper: 2 });
    expect(intervals.get(5)).toEqual({ lower: 4, upper: 6.5 });
    expect(intervals.get(8)).toEqual({ lower: 6.5, upper: 9 });
    expect(intervals.get(10)).toEqual({ lower: 9, upper: Number.POSITIVE_INFINITY });
    expect(answerIntervals([6, 7, 4]).get(6)).toEqual({ lower: 5, upper: 6.5 });
  });
});

describe('fitIntervalNormal', () => {
  it('is the ordinary mean and maximum-likelihood SD when every interval is narrow', () => {
    const values = [4.2, 6.1, 5.5, 7.3, 5.9, 6.6, 4.8];
    const group = values.map((v) => ({ lower: v - 1e-4, upper: v + 1e-4, weight: 1 }));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    const fit = fitIntervalNormal([group], 0.1);
    expect(fit.means[0]).toBeCloseTo(mean, 5);
    expect(fit.sigma).toBeCloseTo(sd, 4);
  });

  it('matches a brute-force maximum of the likelihood on a five-level diary', () => {
    const group = asIntervals([3, 5, 5, 8, 5, 3, 5, 8, 10, 5, 5, 3, 5, 8, 1], DAYLIO);
    const fit = fitIntervalNormal([group], 0.5);
    const grid = gridMaximum([group], 0.5);
    expect(fit.sigma).toBeCloseTo(grid.sigma, 2);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(grid.logLikelihood - 1e-9);
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood(group, fit.means[0] as number, fit.sigma), 10);
  });

  it('shares one σ between groups that keep their own means, as a brute-force search does', () => {
    const groups = [asIntervals([5, 5, 8, 5, 3, 5, 5, 8], DAYLIO), asIntervals([8, 10, 8, 5, 8, 8, 10, 8, 3], DAYLIO)];
    const fit = fitIntervalNormal(groups, 0.5);
    const grid = gridMaximum(groups, 0.5);
    expect(fit.means).toHaveLength(2);
    expect(fit.means[1]).toBeGreaterThan(fit.means[0] as number);
    expect(fit.sigma).toBeCloseTo(grid.sigma, 2);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(grid.logLikelihood - 1e-9);
  });

  it('stops at the floor when the answers allow any small spread', () => {
    // Only 5 and 8, never 3 or 10: a mood sitting near 6.5 with a tiny spread explains them best.
    const fit = fitIntervalNormal([asIntervals([5, 8, 8, 5, 5, 8, 5, 8], DAYLIO)], 0.5);
    expect(fit.sigma).toBe(0.5);
    expect(fit.means[0]).toBeGreaterThan(6);
    expect(fit.means[0]).toBeLessThan(7);
  });

  it('counts an answer by its weight, so identical answers may be merged', () => {
    const once = fitIntervalNormal([asIntervals([3, 5, 5, 8, 10], DAYLIO)], 0.5);
    const halved = fitIntervalNormal([asIntervals([3, 5, 5, 8, 10, 3, 5, 5, 8, 10], DAYLIO).map((o) => ({ ...o, weight: 0.5 }))], 0.5);
    expect(halved.sigma).toBeCloseTo(once.sigma, 8);
    expect(halved.logLikelihood).toBeCloseTo(once.logLikelihood, 8);
  });

  it('refuses an empty group and a floor that is not positive', () => {
    expect(() => fitIntervalNormal([[]], 0.5)).toThrow(RangeError);
    expect(() => fitIntervalNormal([asIntervals([5, 8])], 0)).toThrow(RangeError);
  });
});
