import { describe, expect, it } from 'vitest';
import { leaveOneOut } from './leave-one-out';

const s = (f1: number) => ({ f1, cover: f1 / 2 });

describe('leaveOneOut', () => {
  it('chooses each held-out item’s cell on the other items only', () => {
    // Cell 1 wins only because of item 0; with item 0 held out, cell 0 is chosen for it.
    const scores = [
      [s(0.2), s(1)],
      [s(0.6), s(0.5)],
      [s(0.6), s(0.5)],
    ];
    const result = leaveOneOut(scores);
    expect(result.bestOnAll).toBe(1);
    expect(result.chosen).toEqual([0, 1, 1]);
    expect(result.heldOut).toEqual([s(0.2), s(0.5), s(0.5)]);
  });

  it('gives ties to the earlier cell', () => {
    expect(
      leaveOneOut([
        [s(0.5), s(0.5)],
        [s(0.5), s(0.5)],
      ]).chosen,
    ).toEqual([0, 0]);
  });
});
