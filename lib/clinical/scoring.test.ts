import { describe, expect, it } from 'vitest';
import { GAD7, PHQ9 } from './instruments';
import { hasItem9Risk, InvalidAnswersError, item9Answer, totalScore } from './scoring';

describe('questionnaire definitions', () => {
  it('has nine PHQ-9 and seven GAD-7 items, each scored 0–3', () => {
    expect(PHQ9.items).toHaveLength(9);
    expect(GAD7.items).toHaveLength(7);
    expect(PHQ9.maxScore).toBe(9 * 3);
    expect(GAD7.maxScore).toBe(7 * 3);
  });
});

describe('totalScore', () => {
  it('sums the answers', () => {
    expect(totalScore('phq9', [0, 1, 2, 3, 0, 1, 2, 3, 1])).toBe(13);
    expect(totalScore('gad7', [3, 3, 3, 3, 3, 3, 3])).toBe(21);
  });

  it('rejects the wrong number of answers', () => {
    expect(() => totalScore('gad7', [0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(InvalidAnswersError);
  });

  it('rejects answers outside 0–3 or not whole', () => {
    expect(() => totalScore('gad7', [0, 0, 0, 4, 0, 0, 0])).toThrow(/item 4/);
    expect(() => totalScore('gad7', [0, 0, 0, 1.5, 0, 0, 0])).toThrow(/item 4/);
    expect(() => totalScore('gad7', [0, 0, -1, 0, 0, 0, 0])).toThrow(/item 3/);
  });
});

describe('item 9', () => {
  it('reads the ninth answer', () => {
    expect(item9Answer([0, 0, 0, 0, 0, 0, 0, 0, 2])).toBe(2);
  });

  it('flags any answer above 0 and only those', () => {
    expect(hasItem9Risk([0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe(true);
    expect(hasItem9Risk([3, 3, 3, 3, 3, 3, 3, 3, 0])).toBe(false);
  });
});
