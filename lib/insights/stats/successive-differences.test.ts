import { describe, expect, it } from 'vitest';
import { mssd, successiveDifferences } from './successive-differences';

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
});
