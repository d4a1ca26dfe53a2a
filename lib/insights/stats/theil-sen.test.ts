import { describe, expect, it } from 'vitest';
import { theilSen } from './theil-sen';

// Reference values from scipy.stats.theilslopes (scipy 1.17), same intercept convention.
describe('theilSen', () => {
  it('matches scipy on an evenly spaced series', () => {
    const fit = theilSen([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2.1, 2.9, 3.2, 5.1, 4.8, 6.3, 7.7, 7.1, 9.4, 9.0]);
    expect(fit.slope).toBeCloseTo(0.84, 12);
    expect(fit.intercept).toBeCloseTo(1.08, 12);
  });

  it('matches scipy with gaps in x and tied y', () => {
    const fit = theilSen([0, 1, 3, 4, 7, 8], [5, 5, 4, 6, 3, 2]);
    expect(fit.slope).toBeCloseTo(-1 / 3, 12);
    expect(fit.intercept).toBeCloseTo(5.666666666666666, 12);
  });

  it('ignores a wild outlier that would drag least squares', () => {
    const fit = theilSen([0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, 60]);
    expect(fit.slope).toBe(1);
  });

  it('needs two distinct x values', () => {
    expect(() => theilSen([2, 2], [1, 3])).toThrow(RangeError);
  });
});
