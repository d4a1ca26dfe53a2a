import { describe, expect, it } from 'vitest';
import { gaussianLinearCost } from './gaussian-linear-cost';
import { gaussianMeanCost } from './gaussian-mean-cost';
import { pelt, type SegmentCost } from './pelt';

/** Optimal partitioning by exhaustive dynamic programming (Jackson et al. 2005), no pruning. */
function optimalPartitioning(n: number, cost: SegmentCost, penalty: number, m: number): { value: number; changes: number[] } {
  const best = [-penalty];
  const previous = [-1];
  for (let t = 1; t <= n; t += 1) {
    let value = Number.POSITIVE_INFINITY;
    let from = -1;
    for (let s = 0; s <= t - m; s += 1) {
      if (s !== 0 && s < m) continue;
      const v = (best[s] as number) + cost(s, t) + penalty;
      if (v < value) {
        value = v;
        from = s;
      }
    }
    best.push(value);
    previous.push(from);
  }
  const changes: number[] = [];
  for (let t = previous[n] as number; t > 0; t = previous[t] as number) changes.push(t);
  return { value: best[n] as number, changes: changes.reverse() };
}

function totalCost(n: number, cost: SegmentCost, penalty: number, changes: readonly number[]): number {
  const bounds = [0, ...changes, n];
  let total = -penalty;
  for (let i = 0; i + 1 < bounds.length; i += 1) total += cost(bounds[i] as number, bounds[i + 1] as number) + penalty;
  return total;
}

function seededNoise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

describe('gaussianMeanCost', () => {
  it('is the scaled sum of squared deviations, skipping nulls', () => {
    const cost = gaussianMeanCost([[1, 3, null, 5]], [2]);
    // Values /2: 0.5, 1.5, 2.5 → mean 1.5 → squares 1 + 0 + 1.
    expect(cost(0, 4)).toBeCloseTo(2, 12);
    expect(cost(2, 3)).toBe(0);
  });

  it('adds dimensions', () => {
    const cost = gaussianMeanCost(
      [
        [0, 2],
        [0, 4],
      ],
      [1, 1],
    );
    expect(cost(0, 2)).toBeCloseTo(2 + 8, 12);
  });
});

describe('pelt', () => {
  it('finds an obvious step', () => {
    const cost = gaussianMeanCost([[0, 0, 0, 0, 10, 10, 10, 10]], [1]);
    expect(pelt(8, cost, { penalty: 5, minSegmentLength: 2 })).toEqual([4]);
  });

  it('returns nothing when the penalty outweighs every split', () => {
    const cost = gaussianMeanCost([[0, 1, 0, 1, 0, 1]], [1]);
    expect(pelt(6, cost, { penalty: 100, minSegmentLength: 1 })).toEqual([]);
  });

  it('reaches the exact optimum of exhaustive optimal partitioning', () => {
    const noise = seededNoise(7);
    for (const [n, m, penalty] of [
      [60, 1, 4],
      [80, 3, 6],
      [120, 5, 10],
      [90, 2, 2],
    ] as const) {
      const levels = Array.from({ length: n }, (_, t) => (t < n / 3 ? 0 : t < (2 * n) / 3 ? 3 : 1) + 2 * noise());
      const cost = gaussianMeanCost([levels], [1]);
      const exact = optimalPartitioning(n, cost, penalty, m);
      const pruned = pelt(n, cost, { penalty, minSegmentLength: m });
      expect(totalCost(n, cost, penalty, pruned)).toBeCloseTo(exact.value, 9);
      for (let i = 0; i + 1 <= pruned.length; i += 1) {
        const start = i === 0 ? 0 : (pruned[i - 1] as number);
        expect((pruned[i] as number) - start).toBeGreaterThanOrEqual(m);
      }
    }
  });

  it('stays exact with a level-or-line cost when pruning keeps the slope price as margin', () => {
    const noise = seededNoise(11);
    for (const [n, m, penalty] of [
      [90, 3, 6],
      [120, 5, 10],
      [100, 4, 3],
    ] as const) {
      const values = Array.from({ length: n }, (_, t) => (t < n / 3 ? 0.1 * t : t < (2 * n) / 3 ? 5 : 2) + 2 * noise());
      const mean = gaussianMeanCost([values], [1]);
      const line = gaussianLinearCost([values], [1]);
      const cost: SegmentCost = (a, b) => Math.min(mean(a, b), line(a, b) + penalty);
      const exact = optimalPartitioning(n, cost, penalty, m);
      const pruned = pelt(n, cost, { penalty, minSegmentLength: m, pruneMargin: penalty });
      expect(totalCost(n, cost, penalty, pruned)).toBeCloseTo(exact.value, 9);
    }
  });
});
