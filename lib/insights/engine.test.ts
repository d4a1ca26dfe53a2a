import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from './config';
import { computeInsights } from './engine';
import { dailyCheckIns, dayAfter, moodSeries } from './test-fixtures';
import type { EngineInput, Insight, InsightKind } from './types';

const START = '2025-01-06';

function kinds(insights: readonly Insight[]): InsightKind[] {
  return insights.map((i) => i.kind);
}

function changeKinds(insights: readonly Insight[]): Insight[] {
  return insights.filter((i) => i.kind === 'shift' || i.kind === 'decline' || i.kind === 'improvement');
}

function input(moods: readonly (number | null)[], extra: Partial<EngineInput> = {}): EngineInput {
  return { asOf: dayAfter(START, moods.length - 1), checkIns: dailyCheckIns(START, moods), ...extra };
}

describe('computeInsights: nothing notable', () => {
  it('says nothing for a steady person', () => {
    expect(computeInsights(input(moodSeries(150, 6, 1)))).toEqual([]);
  });

  it('says nothing without data', () => {
    expect(computeInsights({ asOf: START, checkIns: [] })).toEqual([]);
  });
});

describe('computeInsights: level shift', () => {
  const moods = moodSeries(120, 7, 2, (i) => (i >= 100 ? -3 : 0));

  it('reports a drop of 3 points against the baseline, with its evidence', () => {
    const [shift, ...rest] = changeKinds(computeInsights(input(moods)));
    expect(rest).toEqual([]);
    expect(shift?.kind).toBe('shift');
    expect(shift?.direction).toBe('worsening');
    expect(shift?.severity).toBe('attention');
    expect(shift?.window.start).toBe(dayAfter(START, 100));
    expect(shift?.evidence.numbers.fittedChange).toBeLessThan(-2.5);
    expect(shift?.evidence.coverage.text).toBe('20 of the last 20 days logged');
    expect(shift?.engineVersion).toBe(ENGINE_VERSION);
    expect(shift?.key).toBe(`shift:${dayAfter(START, 100)}`);
  });

  it('stays silent while fewer than the minimum days follow the change', () => {
    const early = moods.slice(0, 105);
    expect(changeKinds(computeInsights(input(early)))).toEqual([]);
  });

  it('stays silent without a baseline to compare with', () => {
    const short = moodSeries(20, 7, 3, (i) => (i >= 10 ? -3 : 0));
    expect(computeInsights(input(short))).toEqual([]);
  });

  it('ignores check-ins after the as-of date', () => {
    const asOf = dayAfter(START, 95);
    expect(changeKinds(computeInsights({ asOf, checkIns: dailyCheckIns(START, moods) }))).toEqual([]);
  });
});

describe('computeInsights: gradual change', () => {
  it('reports a 3-point decline over five weeks as a decline', () => {
    const moods = moodSeries(130, 7, 4, (i) => -3 * Math.min(1, Math.max(0, (i - 90) / 35)));
    const found = changeKinds(computeInsights(input(moods)));
    expect(found.map((i) => [i.kind, i.direction])).toEqual([['decline', 'worsening']]);
  });

  it('reports an improvement as info', () => {
    const moods = moodSeries(130, 4, 5, (i) => 3 * Math.min(1, Math.max(0, (i - 90) / 35)));
    const [found] = changeKinds(computeInsights(input(moods)));
    expect(found?.kind).toBe('improvement');
    expect(found?.severity).toBe('info');
  });
});

describe('computeInsights: determinism and keys', () => {
  const moods = moodSeries(120, 7, 2, (i) => (i >= 100 ? -3 : 0));

  it('gives byte-identical output for the same input, in any input order', () => {
    const a = input(moods, { pauses: [{ start: dayAfter(START, 3), end: dayAfter(START, 4) }] });
    const shuffled = { ...a, checkIns: [...a.checkIns].reverse() };
    expect(JSON.stringify(computeInsights(shuffled))).toBe(JSON.stringify(computeInsights(a)));
  });

  it('keeps an event’s key as days pass when told what is stored', () => {
    const today = computeInsights(input(moods));
    const tomorrow = computeInsights(
      input([...moods, 4, 4, 3], { priorInsights: today.map((i) => ({ key: i.key, kind: i.kind, window: i.window })) }),
    );
    expect(changeKinds(tomorrow).map((i) => i.key)).toEqual(changeKinds(today).map((i) => i.key));
  });

  it('sorts urgent before attention before info', () => {
    const insights = computeInsights(
      input(moods, {
        riskLanguageHits: [{ date: dayAfter(START, 118), source: 'journal' }],
        measures: [
          { instrument: 'gad7', items: [3, 3, 3, 2, 2, 2, 2], completedAt: dayAfter(START, 60) },
          { instrument: 'gad7', items: [0, 1, 0, 0, 1, 0, 0], completedAt: dayAfter(START, 110) },
        ],
      }),
    );
    const order = { urgent: 0, attention: 1, info: 2 };
    const ranks = insights.map((i) => order[i.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(kinds(insights)[0]).toBe('crisis_language');
  });
});
