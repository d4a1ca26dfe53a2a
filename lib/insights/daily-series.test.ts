import { describe, expect, it } from 'vitest';
import { answerStep, buildDailySeries } from './daily-series';
import { toDay } from './dates';

describe('answerStep', () => {
  it('is 1 for whole-number answers', () => {
    expect(answerStep([6, 7, 5, 6, 8, 4, 7])).toBe(1);
  });

  it('is the median gap between the distinct answers of a five-level diary', () => {
    // 1, 3, 5, 8, 10: gaps 2, 2, 3, 2 → median 2.
    expect(answerStep([5, 8, 8, 3, 10, 1, 5, 8])).toBe(2);
    // 5, 8, 10: gaps 3, 2 → median 2.5.
    expect(answerStep([8, 5, 10, 8, 8])).toBe(2.5);
  });

  it('is 1 with fewer than two distinct answers', () => {
    expect(answerStep([])).toBe(1);
    expect(answerStep([7, 7, 7])).toBe(1);
  });
});

describe('buildDailySeries', () => {
  it('reads the step from the answers, not from the daily means, and ignores answers after the as-of day', () => {
    // Two answers on one day average to 6.5, which is no answer the person gave; the 1 comes later.
    const checkIns = [
      { localDate: '2025-01-01', mood: 5 },
      { localDate: '2025-01-01', mood: 8 },
      { localDate: '2025-01-02', mood: 10 },
      { localDate: '2025-01-03', mood: 3 },
      { localDate: '2025-01-09', mood: 1 },
    ];
    const series = buildDailySeries(checkIns, toDay('2025-01-03'));
    expect(series.mood.map((p) => p.value)).toEqual([6.5, 10, 3]);
    // 3, 5, 8, 10: gaps 2, 3, 2 → 2.
    expect(series.moodStep).toBe(2);
  });
});
