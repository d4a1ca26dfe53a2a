import { describe, expect, it } from 'vitest';
import { answeredItems } from './instruments';

describe('answeredItems', () => {
  it('gives each PHQ-9 answer its wording and label, and marks item 9 as the risk item', () => {
    const items = answeredItems('phq9', [0, 1, 2, 3, 0, 0, 0, 0, 2]);
    expect(items).toHaveLength(9);
    expect(items[0]).toEqual({
      number: 1,
      question: 'Little interest or pleasure in doing things',
      answer: 0,
      answerLabel: 'Not at all',
      isItem9: false,
    });
    expect(items[3]?.answerLabel).toBe('Nearly every day');
    expect(items.filter((i) => i.isItem9).map((i) => [i.number, i.answerLabel])).toEqual([[9, 'More than half the days']]);
  });

  it('marks no GAD-7 item as item 9', () => {
    const items = answeredItems('gad7', [1, 1, 1, 1, 1, 1, 1]);
    expect(items.map((i) => i.question)[0]).toBe('Feeling nervous, anxious or on edge');
    expect(items.some((i) => i.isItem9)).toBe(false);
  });
});
