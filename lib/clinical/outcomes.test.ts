import { describe, expect, it } from 'vitest';
import { assessOutcome, isCase } from './outcomes';
import { DEFAULT_CLINICAL_THRESHOLDS as T, resolveThresholds } from './thresholds';

describe('caseness', () => {
  it('uses PHQ-9 ≥ 10 and GAD-7 ≥ 8', () => {
    expect(isCase('phq9', 9, T)).toBe(false);
    expect(isCase('phq9', 10, T)).toBe(true);
    expect(isCase('gad7', 7, T)).toBe(false);
    expect(isCase('gad7', 8, T)).toBe(true);
  });
});

describe('assessOutcome', () => {
  it('finds reliable recovery, response and remission for PHQ-9 16 → 4', () => {
    const o = assessOutcome('phq9', 16, 4, T);
    expect(o).toMatchObject({
      change: -12,
      wasCase: true,
      isCase: false,
      reliableImprovement: true,
      reliableDeterioration: false,
      recovery: true,
      reliableRecovery: true,
      response: true,
      remission: true,
    });
  });

  it('finds recovery without reliable improvement for PHQ-9 12 → 8 (fall of 4 < 6)', () => {
    const o = assessOutcome('phq9', 12, 8, T);
    expect(o.recovery).toBe(true);
    expect(o.reliableImprovement).toBe(false);
    expect(o.reliableRecovery).toBe(false);
    expect(o.response).toBe(false); // 4 < 50 % of 12
    expect(o.remission).toBe(false);
  });

  it('counts a fall of exactly half as response (PHQ-9 14 → 7)', () => {
    expect(assessOutcome('phq9', 14, 7, T).response).toBe(true);
  });

  it('finds reliable deterioration at exactly the threshold', () => {
    expect(assessOutcome('gad7', 5, 9, T).reliableDeterioration).toBe(true);
    expect(assessOutcome('gad7', 5, 8, T).reliableDeterioration).toBe(false);
    expect(assessOutcome('phq9', 3, 9, T).reliableDeterioration).toBe(true);
  });

  it('leaves response and remission undefined for GAD-7 and for a first score below caseness', () => {
    expect(assessOutcome('gad7', 15, 3, T).response).toBeNull();
    expect(assessOutcome('phq9', 8, 2, T).remission).toBeNull();
  });

  it('applies a clinic override', () => {
    const strict = resolveThresholds({ reliableChange: { phq9: 8 } });
    expect(assessOutcome('phq9', 16, 9, strict).reliableImprovement).toBe(false);
    expect(assessOutcome('phq9', 16, 9, T).reliableImprovement).toBe(true);
    expect(strict.reliableChange.gad7).toBe(4);
  });
});
