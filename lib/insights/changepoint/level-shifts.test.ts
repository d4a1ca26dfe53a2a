import { describe, expect, it } from 'vitest';
import { hampelFilter } from './hampel';
import { gaussianLinearCost } from './gaussian-linear-cost';
import { detectLevelShifts, LEVEL_SHIFT_PARAMETERS } from './level-shifts';
import { estimateAr1FromDifferences, prewhiten } from './prewhiten';

function gaussianNoise(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

describe('hampelFilter', () => {
  it('replaces an isolated spike by the local median and keeps a step', () => {
    const filtered = hampelFilter([1, 2, 1, 2, 40, 2, 1, 2, 9, 10, 9, 10, 9, 10], 3, 3, 0);
    expect(filtered[4]).toBe(2);
    expect(filtered.slice(8)).toEqual([9, 10, 9, 10, 9, 10]);
  });

  it('does not strip every untied answer when most answers tie', () => {
    const values = [6, 6, 6, 8, 6, 6, 6, 6, 5, 6];
    expect(hampelFilter(values, 3, 3, 1)).toEqual(values);
    expect(hampelFilter(values, 3, 3, 0)[3]).toBe(6);
  });
});

describe('AR(1) prewhitening', () => {
  it('prewhitens by zₜ = yₜ − φyₜ₋₁', () => {
    expect(prewhiten([2, 4, 3], 0.5)).toEqual([3, 1]);
  });

  it('recovers φ of simulated AR(1) noise despite a level shift', () => {
    const noise = gaussianNoise(11);
    for (const phi of [0, 0.5, 0.8]) {
      let e = 0;
      const values = Array.from({ length: 3000 }, (_, t) => {
        e = phi * e + noise();
        return e + (t >= 1500 ? 5 : 0);
      });
      expect(estimateAr1FromDifferences(values)).toBeCloseTo(phi, 1);
    }
  });
});

describe('detectLevelShifts', () => {
  it('finds two planted shifts in white noise, near where they are', () => {
    const noise = gaussianNoise(3);
    const values = Array.from({ length: 200 }, (_, t) => (t < 70 ? 0 : t < 140 ? 4 : 1) + noise());
    const changes = detectLevelShifts([values]);
    expect(changes).toHaveLength(2);
    expect(Math.abs((changes[0] as number) - 70)).toBeLessThanOrEqual(3);
    expect(Math.abs((changes[1] as number) - 140)).toBeLessThanOrEqual(3);
  });

  it('stays silent on stationary autocorrelated noise', () => {
    const noise = gaussianNoise(5);
    let e = 0;
    const values = Array.from({ length: 300 }, () => {
      e = 0.6 * e + noise();
      return e;
    });
    expect(detectLevelShifts([values])).toEqual([]);
  });

  it('skips missing points and reports indices of the original series', () => {
    const noise = gaussianNoise(9);
    const values: (number | null)[] = Array.from({ length: 120 }, (_, t) => (t < 60 ? 0 : 5) + 0.5 * noise());
    for (const gap of [10, 11, 12, 58, 59, 90]) values[gap] = null;
    const changes = detectLevelShifts([values]);
    expect(changes).toHaveLength(1);
    expect(Math.abs((changes[0] as number) - 60)).toBeLessThanOrEqual(2);
  });

  it('segments several dimensions jointly', () => {
    const noise = gaussianNoise(21);
    const a = Array.from({ length: 150 }, (_, t) => (t < 75 ? 0 : 3) + noise());
    const b = Array.from({ length: 150 }, (_, t) => (t < 75 ? 10 : 7) + noise());
    const changes = detectLevelShifts([a, b]);
    expect(changes).toHaveLength(1);
    expect(Math.abs((changes[0] as number) - 75)).toBeLessThanOrEqual(3);
  });
});

describe('trends', () => {
  it('reads a steady trend as one sloped segment, where a level-only model sees a staircase', () => {
    const noise = gaussianNoise(7);
    const values = Array.from({ length: 300 }, (_, t) => 0.2 * t + noise());
    expect(detectLevelShifts([values], { ...LEVEL_SHIFT_PARAMETERS, segmentModel: 'mean' }).length).toBeGreaterThan(5);
    expect(detectLevelShifts([values])).toEqual([]);
  });

  it('still finds a jump in the middle of a trend', () => {
    const noise = gaussianNoise(13);
    const values = Array.from({ length: 300 }, (_, t) => 0.05 * t + noise() + (t >= 150 ? 4 : 0));
    const changes = detectLevelShifts([values]);
    expect(changes).toHaveLength(1);
    expect(Math.abs((changes[0] as number) - 150)).toBeLessThanOrEqual(2);
  });
});

describe('gaussianLinearCost', () => {
  it('is zero on a straight line and the residual sum of squares of the least-squares line otherwise', () => {
    const line = gaussianLinearCost([[1, 3, 5, 7, 9]], [1]);
    expect(line(0, 5)).toBeCloseTo(0, 12);
    // y = 0, 1, 0, 1 at t = 0..3: the fitted line is 0.2 + 0.2t, residuals −0.2, 0.6, −0.6, 0.2.
    const zigzag = gaussianLinearCost([[0, 1, 0, 1]], [1]);
    expect(zigzag(0, 4)).toBeCloseTo(0.8, 12);
    // With scale 2 the cost is in units of σ²: 0.8 / 4.
    expect(gaussianLinearCost([[0, 2, 0, 2]], [2])(0, 4)).toBeCloseTo(0.8, 12);
  });
});
