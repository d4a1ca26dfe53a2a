import { describe, expect, it } from 'vitest';
import { bandFor, bandRank, bandsFor } from './bands';

describe('bandFor', () => {
  it('places PHQ-9 scores at every band edge (Kroenke et al. 2001)', () => {
    const edges: [number, string][] = [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'moderately_severe'],
      [19, 'moderately_severe'],
      [20, 'severe'],
      [27, 'severe'],
    ];
    for (const [score, id] of edges) expect(bandFor('phq9', score).id).toBe(id);
  });

  it('places GAD-7 scores at every band edge (Spitzer et al. 2006)', () => {
    const edges: [number, string][] = [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ];
    for (const [score, id] of edges) expect(bandFor('gad7', score).id).toBe(id);
  });

  it('rejects scores outside the range', () => {
    expect(() => bandFor('gad7', 22)).toThrow(RangeError);
    expect(() => bandFor('phq9', -1)).toThrow(RangeError);
  });

  it('covers every score exactly once with a client description', () => {
    for (const instrument of ['phq9', 'gad7'] as const) {
      const bands = bandsFor(instrument);
      const max = bands[bands.length - 1]?.max ?? 0;
      for (let s = 0; s <= max; s += 1) expect(bands.filter((b) => s >= b.min && s <= b.max)).toHaveLength(1);
      for (const b of bands) expect(b.clientDescription.length).toBeGreaterThan(20);
    }
  });

  it('orders bands by severity', () => {
    expect(bandRank('phq9', 'severe')).toBeGreaterThan(bandRank('phq9', 'moderately_severe'));
    expect(bandRank('gad7', 'moderately_severe')).toBe(-1);
  });
});
