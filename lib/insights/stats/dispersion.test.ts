import { describe, expect, it } from 'vitest';
import { dispersionRatioTest } from './dispersion';

const days = (values: readonly number[], firstDay = 1) => values.map((value, i) => ({ day: firstDay + i, value }));

describe('dispersion ratio test', () => {
  it('compares the variances about each window’s own mean, by ln ratio over √(2/(n₁−1) + 2/(n₂−1))', () => {
    // Baseline 4,6,4,6,4,6: variance 6/5 = 1.2, lag-1 autocorrelation negative, so φ = 0.
    // Recent 2,8,2,8: variance 36/3 = 12. Ratio 10; z = ln 10 / √(2/3 + 2/5); p = scipy.stats.norm.sf(z).
    const test = dispersionRatioTest(days([2, 8, 2, 8], 20), days([4, 6, 4, 6, 4, 6]), 0.25);
    expect(test.recentVariance).toBeCloseTo(12, 12);
    expect(test.baselineVariance).toBeCloseTo(1.2, 12);
    expect(test.ratio).toBeCloseTo(10, 12);
    expect(test.phi).toBe(0);
    expect(test.z).toBeCloseTo(2.229468429597849, 10);
    expect(test.p).toBeCloseTo(0.012891376805798523, 10);
  });

  it('widens the standard error by (1 + φ²)/(1 − φ²) with φ from the baseline', () => {
    // Baseline 4,4,6,6,4,4,6,6: deviations ∓1, lag-1 products sum to 1 over 7 pairs, variance about
    // the mean 8/8 = 1, so φ = 1/7 and the factor is (1 + 1/49)/(1 − 1/49) = 50/48. Sample variance
    // 8/7; ratio 12 / (8/7) = 10.5; z = ln 10.5 / √(50/48 · (2/3 + 2/7)).
    const test = dispersionRatioTest(days([2, 8, 2, 8], 20), days([4, 4, 6, 6, 4, 4, 6, 6]), 0.25);
    expect(test.phi).toBeCloseTo(1 / 7, 12);
    expect(test.ratio).toBeCloseTo(10.5, 12);
    expect(test.z).toBeCloseTo(2.3607620220599568, 10);
    expect(test.p).toBeCloseTo(0.009118714829033505, 10);
  });

  it('floors a flat baseline so one swing is not infinite volatility', () => {
    // Baseline variance 0 → 0.25; ratio 12 / 0.25 = 48; z = ln 48 / √(2/3 + 2/3).
    const test = dispersionRatioTest(days([2, 8, 2, 8], 20), days([5, 5, 5, 5]), 0.25);
    expect(test.baselineVariance).toBe(0.25);
    expect(test.ratio).toBeCloseTo(48, 12);
    expect(test.z).toBeCloseTo(3.352558418602234, 10);
    expect(test.p).toBeCloseTo(0.0004003417094091487, 8);
  });

  it('counts only consecutive days in the autocorrelation, but every day in the variances', () => {
    // Same values as the second case, with the pairs broken by gaps: no pair of consecutive days
    // is left, so φ = 0, while the variance still uses all eight values.
    const spaced = [4, 4, 6, 6, 4, 4, 6, 6].map((value, i) => ({ day: 1 + 2 * i, value }));
    const test = dispersionRatioTest(days([2, 8, 2, 8], 20), spaced, 0.25);
    expect(test.phi).toBe(0);
    expect(test.baselineVariance).toBeCloseTo(8 / 7, 12);
  });

  it('refuses samples too small to have a variance', () => {
    expect(() => dispersionRatioTest(days([1, 2]), days([1, 2, 3]), 0.25)).toThrow(RangeError);
  });
});
