import { describe, expect, it } from 'vitest';
import { toDay } from './dates';
import { sensitivityFor } from './sensitivity';
import type { InsightKind, ReviewInput } from './types';

const dismissed = (kind: InsightKind, date: string): ReviewInput => ({ kind, key: `${kind}:${date}`, outcome: 'dismissed', date });
const today = toDay('2025-06-30');

describe('sensitivity from dismissals', () => {
  it('counts a dismissed shift against a later decline or improvement: one finding, three labels', () => {
    const reviews = [dismissed('shift', '2025-03-01')];
    expect(sensitivityFor('decline', reviews, today).factor).toBe(1.25);
    expect(sensitivityFor('improvement', reviews, today).factor).toBe(1.25);
    expect(sensitivityFor('shift', reviews, today).note?.note).toBe('Shown less often for this client: dismissed once in the past year.');
  });

  it('leaves other kinds alone', () => {
    const reviews = [dismissed('shift', '2025-03-01'), dismissed('decline', '2025-04-01')];
    expect(sensitivityFor('volatility', reviews, today)).toEqual({ factor: 1 });
    expect(sensitivityFor('low_run', reviews, today)).toEqual({ factor: 1 });
  });

  it('adds the family’s dismissals up to double', () => {
    const reviews = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01'].map((d, i) => dismissed((['shift', 'decline', 'improvement'] as const)[i % 3] as InsightKind, d));
    const s = sensitivityFor('decline', reviews, today);
    expect(s.factor).toBe(2);
    expect(s.note?.dismissedCount).toBe(5);
  });

  it('never dampens risk', () => {
    expect(sensitivityFor('item9', [dismissed('item9', '2025-06-01')], today)).toEqual({ factor: 1 });
  });
});
