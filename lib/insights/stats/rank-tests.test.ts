import { describe, expect, it } from 'vitest';
import { chiSquareSurvival } from './chi-square';
import { kruskalWallis } from './kruskal-wallis';
import { rankWithTies } from './ranks';
import { spearman } from './spearman';

describe('rankWithTies', () => {
  it('gives tied values the mean of their positions', () => {
    const r = rankWithTies([10, 20, 10, 30, 20, 20]);
    expect(r.ranks).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect([...r.tieGroups].sort()).toEqual([1, 2, 3]);
  });
});

// Reference values from scipy.stats (1.17): chi2.sf, kruskal, spearmanr.
describe('chiSquareSurvival', () => {
  it.each([
    [3.84, 1, 0.05004352124870519],
    [5.99, 2, 0.05003662708658629],
    [7.81, 3, 0.05010605635000589],
    [1.2, 4, 0.8780986177504424],
    [20, 5, 0.0012497305630313773],
    [12.59, 6, 0.05002901173891519],
    [0.5, 7, 0.9994464813904249],
  ])('P(χ² > %d | df = %d)', (x, df, expected) => {
    expect(chiSquareSurvival(x, df)).toBeCloseTo(expected, 12);
  });
});

describe('kruskalWallis', () => {
  it('matches scipy with ties', () => {
    const r = kruskalWallis([
      [6, 7, 7, 8, 5, 9],
      [4, 5, 5, 6, 3],
      [8, 9, 9, 7, 10, 8, 9],
    ]);
    expect(r.h).toBeCloseTo(11.409493607168011, 10);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.0033301204529597055, 12);
  });
});

describe('spearman', () => {
  it('reproduces the textbook IQ / television example: ρ = −29/165', () => {
    const r = spearman([106, 100, 86, 101, 99, 103, 97, 113, 112, 110], [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]);
    expect(r.rho).toBeCloseTo(-29 / 165, 12);
  });

  it('matches scipy with ties, and the normal p of ρ√(n − 1)', () => {
    const r = spearman([1, 2, 2, 3, 4, 5, 5, 5, 6, 7], [2, 1, 3, 3, 5, 4, 6, 6, 5, 8]);
    expect(r.rho).toBeCloseTo(0.8664763412811686, 12);
    expect(r.p).toBeCloseTo(0.009337898668837963, 12);
  });
});
