import { describe, expect, it } from 'vitest';
import { toDay } from './dates';
import { insightKey, reconcileKey } from './keys';

describe('insightKey', () => {
  it('joins kind, subject and anchor date', () => {
    expect(insightKey('shift', toDay('2025-03-04'))).toBe('shift:2025-03-04');
    expect(insightKey('band_change', toDay('2025-03-04'), 'phq9')).toBe('band_change:phq9:2025-03-04');
  });
});

describe('reconcileKey', () => {
  const window = { start: '2025-03-06', end: '2025-03-20' };

  it('keeps the stored key of an overlapping event of the same kind and subject', () => {
    const priors = [{ key: 'shift:2025-03-04', kind: 'shift' as const, window: { start: '2025-03-04', end: '2025-03-19' } }];
    expect(reconcileKey('shift:2025-03-06', window, priors, [], 21)).toBe('shift:2025-03-04');
  });

  it('keeps a new key for another kind, another subject, or a distant event', () => {
    const priors = [
      { key: 'decline:2025-03-04', kind: 'decline' as const, window: { start: '2025-03-04', end: '2025-03-19' } },
      { key: 'band_change:gad7:2025-03-06', kind: 'band_change' as const, window: { start: '2025-02-20', end: '2025-03-06' } },
      { key: 'shift:2024-11-01', kind: 'shift' as const, window: { start: '2024-11-01', end: '2024-12-01' } },
    ];
    expect(reconcileKey('shift:2025-03-06', window, priors, [], 21)).toBe('shift:2025-03-06');
    expect(reconcileKey('band_change:phq9:2025-03-06', window, priors, [], 21)).toBe('band_change:phq9:2025-03-06');
  });

  it('reuses the key of a reviewed event anchored within the tolerance', () => {
    const reviews = [
      {
        kind: 'shift' as const,
        direction: 'worsening' as const,
        key: 'shift:2025-02-20',
        outcome: 'dismissed' as const,
        date: '2025-03-01',
      },
    ];
    expect(reconcileKey('shift:2025-03-06', window, [], reviews, 21)).toBe('shift:2025-02-20');
    expect(reconcileKey('shift:2025-03-06', window, [], reviews, 7)).toBe('shift:2025-03-06');
  });

  it('prefers the nearest anchor', () => {
    const priors = [
      { key: 'shift:2025-02-27', kind: 'shift' as const, window: { start: '2025-02-27', end: '2025-03-10' } },
      { key: 'shift:2025-03-05', kind: 'shift' as const, window: { start: '2025-03-05', end: '2025-03-10' } },
    ];
    expect(reconcileKey('shift:2025-03-06', window, priors, [], 21)).toBe('shift:2025-03-05');
  });
});
