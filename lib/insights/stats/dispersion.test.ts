import { describe, expect, it } from 'vitest';
import { dispersionRatioTest, successiveDifferenceSpread } from './dispersion';
import { answerIntervals, fitIntervalNormal } from './interval-normal';
import { normalCdf } from './normal';

const days = (values: readonly number[], firstDay = 1) => values.map((value, i) => ({ day: firstDay + i, value }));
const DAYLIO = [1, 3, 5, 8, 10];

describe('dispersion ratio test', () => {
  it('is the likelihood-ratio test of one spread against two, on answers read as intervals', () => {
    // Independently: fit each window and both together, and take the signed root of 2 Δℓ.
    const recent = days([3, 8, 10, 5, 1, 8, 3, 10, 5, 8], 60);
    const baseline = days([5, 5, 8, 5, 3, 5, 8, 5, 5, 8, 5, 5]);
    const intervals = answerIntervals(DAYLIO);
    const group = (d: typeof recent) => d.map((p) => ({ ...(intervals.get(p.value) as { lower: number; upper: number }), weight: 1 }));
    const r = fitIntervalNormal([group(recent)], 0.5);
    const b = fitIntervalNormal([group(baseline)], 0.5);
    const both = fitIntervalNormal([group(recent), group(baseline)], 0.5);
    const z = Math.sqrt(2 * (r.logLikelihood + b.logLikelihood - both.logLikelihood));
    // No two baseline days in a row move together here: φ = 0.
    const test = dispersionRatioTest(recent, baseline, answerIntervals(DAYLIO), days([5, 8, 5, 8, 5, 8]), 0.5);
    expect(test.phi).toBe(0);
    expect(test.recentSpread).toBeCloseTo(r.sigma, 10);
    expect(test.baselineSpread).toBeCloseTo(b.sigma, 10);
    expect(test.ratio).toBeGreaterThan(2);
    expect(test.z).toBeCloseTo(z, 10);
    expect(test.p).toBeCloseTo(1 - normalCdf(z), 12);
  });

  it('sees a widening that the answers’ own variance hides when the usual mood sits between two levels', () => {
    // Usually 5 and 8 in equal measure, never further: the answers' SD is 1.5, yet mood stays
    // within 4–9. Later a quarter of days reach 3 or 10: the answers' SD is 2.2 (a ratio under
    // 1.5), the spread of mood behind them more than 1.5 times what it was.
    const baseline = days(Array.from({ length: 48 }, (_, i) => (Math.floor(i / 3) % 2 === 0 ? 5 : 8)));
    const recent = days(
      Array.from({ length: 24 }, (_, i) => [5, 8, 3, 8, 5, 10, 5, 8][i % 8] as number),
      100,
    );
    const test = dispersionRatioTest(recent, baseline, answerIntervals(DAYLIO), [], 0.5);
    expect(test.ratio).toBeGreaterThan(1.5);
    expect(test.p).toBeLessThan(0.001);
  });

  it('counts a day once however many answers it has, and widens the test for autocorrelation', () => {
    const recent = days([3, 8, 10, 5, 1, 8, 3, 10, 5, 8], 60);
    const baseline = days([5, 5, 8, 5, 3, 5, 8, 5, 5, 8, 5, 5]);
    const plain = dispersionRatioTest(recent, baseline, answerIntervals(DAYLIO), [], 0.5);
    // Each baseline answer given twice on its day: the same fit.
    const twice = dispersionRatioTest(
      recent,
      [...baseline, ...baseline].sort((a, b) => a.day - b.day),
      answerIntervals(DAYLIO),
      [],
      0.5,
    );
    expect(twice.z).toBeCloseTo(plain.z, 10);
    // Daily means 4,4,6,6,4,4,6,6: φ = 1/7 (see lag1Autocorrelation), factor (1 + 1/49)/(1 − 1/49) = 50/48.
    const carried = dispersionRatioTest(recent, baseline, answerIntervals(DAYLIO), days([4, 4, 6, 6, 4, 4, 6, 6]), 0.5);
    expect(carried.phi).toBeCloseTo(1 / 7, 12);
    expect(carried.z).toBeCloseTo(plain.z / Math.sqrt(50 / 48), 10);
  });

  it('refuses samples too small to have a spread, and answers not on the scale', () => {
    expect(() => dispersionRatioTest(days([1, 2]), days([1, 2, 3]), answerIntervals([1, 2, 3]), [], 0.5)).toThrow(RangeError);
    expect(() => dispersionRatioTest(days([1, 2, 4]), days([1, 2, 3]), answerIntervals([1, 2, 3]), [], 0.5)).toThrow(RangeError);
  });
});

describe('spread of day-to-day change read from the answers’ ranges', () => {
  it('reads a mood between two levels, answered in turn, as one that barely changes', () => {
    // 5 then 8 then 5: each change lies in 0 to 5 points (or −5 to 0), which a tiny spread explains.
    const alternate = days(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 5 : 8)));
    expect(successiveDifferenceSpread(alternate, answerIntervals(DAYLIO), 0.5)).toBe(0.5);
  });

  it('is the fit to the ranges of each change, skipping pairs of days that are not consecutive', () => {
    const answers = [...days([3, 8, 5, 10, 5]), { day: 9, value: 1 }, { day: 9, value: 3 }, { day: 10, value: 8 }];
    const intervals = answerIntervals(DAYLIO);
    const range = (v: number) => intervals.get(v) as { lower: number; upper: number };
    const pairs: [number, number][] = [
      [3, 8],
      [8, 5],
      [5, 10],
      [10, 5],
    ];
    const changes = pairs.map(([a, b]) => ({ lower: range(b).lower - range(a).upper, upper: range(b).upper - range(a).lower, weight: 1 }));
    // Day 9 is the mean of the ranges of 1 and 3 (−∞ to 3): day 10's 8 is 3.5 to +∞ above it.
    changes.push({ lower: range(8).lower - 3, upper: Number.POSITIVE_INFINITY, weight: 1 });
    expect(successiveDifferenceSpread(answers, answerIntervals(DAYLIO), 0.5)).toBeCloseTo(fitIntervalNormal([changes], 0.5).sigma, 9);
  });
});
