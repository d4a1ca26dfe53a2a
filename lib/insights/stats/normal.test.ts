import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedNormalP } from './normal';

// Reference values from scipy.stats.norm.cdf (scipy 1.17).
describe('normalCdf', () => {
  it.each([
    [1.96, 0.9750021048517795],
    [-3.5, 0.00023262907903552502],
    [0.5, 0.6914624612740131],
    [0, 0.5],
  ])('Φ(%d)', (z, expected) => {
    expect(normalCdf(z)).toBeCloseTo(expected, 12);
  });

  it('keeps relative precision far in the tail', () => {
    expect(normalCdf(-7) / 1.279812543885835e-12).toBeCloseTo(1, 9);
  });

  it('gives a two-sided p of 0.01 at z = 2.5758', () => {
    expect(twoSidedNormalP(2.5758293035489)).toBeCloseTo(0.01, 10);
    expect(twoSidedNormalP(-2.5758293035489)).toBeCloseTo(0.01, 10);
  });
});
