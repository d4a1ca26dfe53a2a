import { describe, expect, it } from 'vitest';
import { mssd, mssdRatioTest, successiveDifferences } from './successive-differences';

describe('successive differences', () => {
  it('pairs consecutive calendar days only', () => {
    const points = [
      { day: 1, value: 5 },
      { day: 2, value: 7 },
      { day: 3, value: 4 },
      { day: 5, value: 9 },
      { day: 6, value: 8 },
    ];
    expect(successiveDifferences(points)).toEqual([2, -3, -1]);
  });

  it('computes the MSSD with its floor', () => {
    expect(mssd([2, -3, -1], 0.25)).toBeCloseTo(14 / 3, 12);
    expect(mssd([0, 0, 0], 0.25)).toBe(0.25);
  });

  it('tests the log ratio against 3/n₁ + 3/n₂', () => {
    // recent MSSD = 4, baseline MSSD = 1: z = ln 4 / √(3/4 + 3/8); p from scipy.stats.norm.sf(z).
    const test = mssdRatioTest([2, -2, 2, -2], [1, -1, 1, -1, 1, -1, 1, -1], 0.25);
    expect(test.ratio).toBe(4);
    expect(test.z).toBeCloseTo(Math.log(4) / Math.sqrt(0.75 + 0.375), 12);
    expect(test.p).toBeCloseTo(0.09560451194315461, 10);
  });
});
