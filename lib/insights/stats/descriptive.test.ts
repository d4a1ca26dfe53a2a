import { describe, expect, it } from 'vitest';
import { mean, median, quantile, scaledMad, standardDeviation } from './descriptive';
import { robustScale } from './robust-scale';

describe('descriptive statistics', () => {
  it('interpolates quantiles like numpy.quantile (type 7)', () => {
    expect(quantile([7, 1, 3, 9, 4, 4, 10], 0.3)).toBeCloseTo(3.8, 12);
    expect(median([7, 1, 3, 9, 4, 4, 10])).toBe(4);
    expect(quantile([7, 1, 3, 9], 0.9)).toBeCloseTo(8.4, 12);
  });

  it('computes mean and sample standard deviation', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Σ(x − 5)² = 32, n − 1 = 7.
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('scales the MAD to σ', () => {
    // Deviations from the median 4: 3,3,1,0,0,1,4,5 → median 2.
    expect(scaledMad([1, 1, 3, 4, 4, 5, 8, 9])).toBeCloseTo(1.4826 * 2, 12);
  });

  it('falls back to the mean absolute deviation when most values tie', () => {
    // MAD of [5,5,5,5,5,7,3] is 0; mean |x − 5| = 4/7.
    expect(robustScale([5, 5, 5, 5, 5, 7, 3])).toBeCloseTo(Math.sqrt(Math.PI / 2) * (4 / 7), 12);
    expect(robustScale([6, 6, 6])).toBe(0);
  });
});
