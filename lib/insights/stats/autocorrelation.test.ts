import { describe, expect, it } from 'vitest';
import { autocorrelationVarianceFactor, lag1Autocorrelation } from './autocorrelation';

describe('lag1Autocorrelation', () => {
  it('matches numpy for a series without gaps', () => {
    const values = [3, 5, 4, 6, 7, 6, 8, 7, 9, 8, 7, 6];
    // numpy: Σ(yₜ−m)(yₜ₊₁−m)/(n−1) ÷ Σ(y−m)²/n
    expect(lag1Autocorrelation(values.map((value, day) => ({ day, value })))).toBeCloseTo(0.5194805194805197, 12);
  });

  it('uses only consecutive days as pairs', () => {
    // Pairs (0,1), (1,2), (5,6), (6,7); mean 2.5, variance sum 5·... computed by hand below.
    const points = [0, 1, 2, 5, 6, 7].map((day, i) => ({ day, value: [1, 2, 3, 2, 3, 4][i] as number }));
    const m = 2.5;
    const values = [1, 2, 3, 2, 3, 4];
    const denominator = values.reduce((a, v) => a + (v - m) ** 2, 0) / 6;
    const numerator = ((1 - m) * (2 - m) + (2 - m) * (3 - m) + (2 - m) * (3 - m) + (3 - m) * (4 - m)) / 4;
    expect(lag1Autocorrelation(points)).toBeCloseTo(numerator / denominator, 12);
  });
});

describe('autocorrelationVarianceFactor', () => {
  it('sums the AR(1) terms by hand for n = 4, ρ = 0.5', () => {
    // 1 + 2[(3/4)·0.5 + (2/4)·0.25 + (1/4)·0.125] = 2.0625
    expect(autocorrelationVarianceFactor(0.5, 4)).toBeCloseTo(2.0625, 12);
  });

  it('never shrinks the variance for negative correlation', () => {
    expect(autocorrelationVarianceFactor(-0.4, 30)).toBe(1);
  });
});
