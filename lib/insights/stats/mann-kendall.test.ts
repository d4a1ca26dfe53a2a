import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann-kendall';

describe('mannKendall', () => {
  // Worked example with one tied pair, "A Mann-Kendall example by hand" (College of the Holy
  // Cross, Montserrat project): S = 54, V = 14·13·33/18 − 2·1·9/18, Z = (S − 1)/√V ≈ 2.9058,
  // one-sided p ≈ .0018.
  const series = [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7];

  it('reproduces the published S, variance and Z', () => {
    const r = mannKendall(series);
    expect(r.s).toBe(54);
    expect(r.variance).toBeCloseTo((14 * 13 * 33) / 18 - (2 * 1 * 9) / 18, 10);
    expect(r.z).toBeCloseTo(2.9058, 4);
    expect(r.p / 2).toBeCloseTo(0.0018, 4);
    expect(r.tau).toBeCloseTo(54 / 91, 12);
  });

  it('is symmetric for a reversed series', () => {
    const r = mannKendall([...series].reverse());
    expect(r.s).toBe(-54);
    expect(r.z).toBeCloseTo(-2.9058, 4);
  });

  it('widens the variance by the autocorrelation factor', () => {
    const plain = mannKendall(series);
    const widened = mannKendall(series, 2);
    expect(widened.variance).toBeCloseTo(plain.variance * 2, 10);
    expect(widened.p).toBeGreaterThan(plain.p);
  });

  it('gives S = 0 and p = 1 for a constant series', () => {
    const r = mannKendall([5, 5, 5, 5, 5]);
    expect(r.s).toBe(0);
    expect(r.p).toBe(1);
  });
});
