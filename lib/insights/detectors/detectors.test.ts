import { describe, expect, it } from 'vitest';
import { toDay } from '../dates';
import { analysisContext, computeInsights } from '../engine';
import { dailyCheckIns, dayAfter, moodSeries, wobble } from '../test-fixtures';
import type { EngineInput, Insight, InsightKind, MeasureResponseInput } from '../types';
import { detectLowRun } from './low-run';

const START = '2025-01-06'; // a Monday

function run(
  moods: readonly (number | null)[],
  extra: Partial<EngineInput> = {},
  checkInExtra?: Parameters<typeof dailyCheckIns>[2],
): Insight[] {
  return computeInsights({ asOf: dayAfter(START, moods.length - 1), checkIns: dailyCheckIns(START, moods, checkInExtra), ...extra });
}

function ofKind(insights: readonly Insight[], kind: InsightKind): Insight[] {
  return insights.filter((i) => i.kind === kind);
}

function phq9(day: number, total: number, item9 = 0): MeasureResponseInput {
  const items = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i += 1) {
    items[i] = Math.min(3, left);
    left -= items[i] as number;
  }
  return { instrument: 'phq9', items, completedAt: dayAfter(START, day) };
}

describe('volatility', () => {
  const calm = moodSeries(90, 6, 7);
  const swings = wobble(28, 8, 3).map((w, i) => 6 + w + (i % 2 === 0 ? 2 : -2));

  it('reports day-to-day swings well above the person’s usual', () => {
    const [v] = ofKind(run([...calm, ...swings]), 'volatility');
    expect(v?.severity).toBe('attention');
    expect(v?.evidence.numbers.ratio).toBeGreaterThan(2);
    expect(v?.evidence.numbers.windowDays).toBe(28);
  });

  it('compares six weeks with the baseline before them when the swings began more than four weeks ago', () => {
    // Wider swings for six weeks: the four-week comparison's baseline holds two weeks of them, and
    // four weeks of swings this size are too few for p < 0.001.
    const longSwings = wobble(42, 9, 1.8).map((w) => 6 + w);
    const [v] = ofKind(run([...calm, ...longSwings]), 'volatility');
    expect(v?.evidence.numbers.windowDays).toBe(42);
    expect(v?.window.start).toBe(dayAfter(START, 90));
    expect(v?.summary).toMatch(/over the last 6 weeks/);
  });

  it('finds wider swings in a five-level diary whose usual mood sits between two levels', () => {
    // Daylio's levels as 1, 3, 5, 8, 10. Usually three days of 5, then three of 8, never further;
    // then a quarter of days reach 3 or 10. The daily answers' SD grows only 1.47-fold (1.5 → 2.2),
    // which the variance of the answers took for no change; the mood behind them spreads far more.
    const usual = Array.from({ length: 90 }, (_, i) => (Math.floor(i / 3) % 2 === 0 ? 5 : 8));
    const wider = Array.from({ length: 28 }, (_, i) => [5, 8, 3, 8, 5, 10, 5, 8][i % 8] as number);
    const [v] = ofKind(run([...usual, ...wider]), 'volatility');
    expect(v?.evidence.numbers.spreadRatio).toBeGreaterThan(1.5);
    expect(v?.evidence.numbers.p).toBeLessThan(0.001);
  });

  it('reads day-to-day change from the answers’ ranges in a five-level diary', () => {
    // Usually 5 and 8 on alternate days: a mood near 6.5, the edge between the two levels, that
    // changes little, though each answer moves a whole level (RMSSD 3). Then 3, 8, 5, 10, 5, 8 in
    // turn: the RMSSD of the answers grows only 1.48-fold, below the bar of 1.5, while the change
    // the ranges allow has grown far more.
    const usual = Array.from({ length: 90 }, (_, i) => (i % 2 === 0 ? 5 : 8));
    const wider = Array.from({ length: 28 }, (_, i) => [3, 8, 5, 10, 5, 8][i % 6] as number);
    const [v] = ofKind(run([...usual, ...wider]), 'volatility');
    expect(v?.evidence.numbers.ratio).toBeLessThan(1.5);
    expect(v?.evidence.numbers.ratio).toBeGreaterThan(1.2);
    expect(v?.evidence.numbers.windowDays).toBe(28);
    // The evidence carries the reading that passed the bar, so the page can show it.
    const { recentRangeChange, baselineRangeChange } = v?.evidence.numbers ?? {};
    expect((recentRangeChange as number) / (baselineRangeChange as number)).toBeGreaterThanOrEqual(1.5);
  });

  it('keeps the whole-number bar: an RMSSD grown 1.48-fold is not swings', () => {
    const usual = Array.from({ length: 90 }, (_, i) => (i % 2 === 0 ? 5 : 8) - 1);
    const wider = Array.from({ length: 28 }, (_, i) => [3, 8, 5, 10, 5, 8][i % 6] as number);
    // The same answers on a scale the person uses in whole points (every value 1–10 given once).
    const scale = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(ofKind(run([...scale, ...usual, ...wider]), 'volatility')).toEqual([]);
  });

  it('reads the usual swings from the 20 weeks before the window', () => {
    const [v] = ofKind(run([...moodSeries(200, 6, 7), ...swings]), 'volatility');
    expect(v?.evidence.numbers.baselineWindowDays).toBe(140);
    expect(v?.evidence.numbers.baselineDays).toBe(140);
    expect(v?.evidence.method).toMatch(/last 4 weeks vs the 20 weeks before/);
  });

  it('says how far back the baseline reaches when the history is shorter than 20 weeks', () => {
    const [v] = ofKind(run([...moodSeries(63, 6, 7), ...swings]), 'volatility');
    expect(v?.evidence.numbers.baselineWindowDays).toBe(63);
    expect(v?.evidence.method).toMatch(/last 4 weeks vs the 9 weeks before/);
  });

  it('counts swings of two to five months ago as the person’s usual', () => {
    // Swings as large as the recent ones from 20 to 8 weeks before the window, then 8 calm weeks:
    // against those 8 weeks alone the recent swings would be new (they are after calm instead).
    const earlier = wobble(84, 8, 3).map((w, i) => 6 + w + (i % 2 === 0 ? 2 : -2));
    const quiet = moodSeries(56, 6, 7);
    expect(ofKind(run([...earlier, ...quiet, ...swings]), 'volatility')).toEqual([]);
    expect(ofKind(run([...moodSeries(84, 6, 5), ...quiet, ...swings]), 'volatility')).toHaveLength(1);
  });

  it('stays silent with fewer than 28 logged days of baseline', () => {
    expect(ofKind(run([...calm.slice(0, 20), ...swings]), 'volatility')).toEqual([]);
  });
});

describe('low run', () => {
  const moods = [...moodSeries(80, 7, 9), 3, 3, 2, 3, 3, 2, 3];
  const context = (values: readonly number[]) =>
    analysisContext({ asOf: dayAfter(START, values.length - 1), checkIns: dailyCheckIns(START, values) });

  it('finds seven days far below the person’s usual range', () => {
    const [found] = detectLowRun(context(moods));
    expect(found?.evidence.numbers.runDays).toBe(7);
    expect(found?.startDay).toBe(toDay(dayAfter(START, 80)));
  });

  it('is told as part of the worsening episode it belongs to, not as a second alarm', () => {
    const insights = run(moods);
    expect(ofKind(insights, 'low_run')).toEqual([]);
    expect(ofKind(insights, 'shift')[0]?.evidence.notes).toEqual(['Includes a run of 7 low days from 27 Mar.']);
  });

  it('stays silent for a shorter dip', () => {
    expect(detectLowRun(context([...moodSeries(80, 7, 9), 3, 3, 2, 3, 7, 7]))).toEqual([]);
  });

  // Five coarse levels (1, 3, 5, 8, 10): usually 8, "meh" (5) on every third day.
  const coarse = Array.from({ length: 80 }, (_, i) => (i % 3 === 0 ? 5 : 8));

  it('does not call a week at a level the person gives every third day low', () => {
    // The 5th percentile and median − 2 both allow 5, but a third of the baseline is at 5.
    expect(detectLowRun(context([...coarse, 5, 5, 5, 5, 5, 5, 5]))).toEqual([]);
  });

  it('lowers the cutoff below a tied level to a point under the lowest value seen, and finds a week below it', () => {
    const [found] = detectLowRun(context([...coarse, 3, 3, 3, 3, 1, 3, 3]));
    expect(found?.evidence.numbers).toEqual({ runDays: 7, runMedian: 3, baselineMedian: 8, cutoff: 4 });
  });
});

describe('disengagement', () => {
  const engaged = moodSeries(60, 6, 10);
  const gap = Array<null>(10).fill(null);

  it('reports ten days without a check-in after steady logging', () => {
    const [d] = ofKind(run([...engaged, ...gap]), 'disengagement');
    expect(d?.evidence.numbers.daysSinceLastCheckIn).toBe(10);
    expect(d?.key).toBe(`disengagement:checkins:${dayAfter(START, 59)}`);
  });

  it('is silenced by a declared pause', () => {
    const pauses = [{ start: dayAfter(START, 60), end: dayAfter(START, 75) }];
    expect(ofKind(run([...engaged, ...gap], { pauses }), 'disengagement')).toEqual([]);
  });

  it('stays silent for someone who never really started', () => {
    expect(ofKind(run([6, 6, 6, 6, 6, ...gap]), 'disengagement')).toEqual([]);
  });

  // Ten-day gaps the person came back from, twice, then steady logging.
  const gappy = [...moodSeries(30, 6, 10), ...gap, ...moodSeries(30, 6, 10), ...gap, ...moodSeries(30, 6, 10)];
  const silentFor = (days: number, extra: Partial<EngineInput> = {}) =>
    ofKind(run([...gappy, ...Array<null>(days).fill(null)], extra), 'disengagement').filter((i) => i.key.includes('checkins'));

  it("waits past the person's own usual gap: not on day 7 after ten-day gaps, from day 15", () => {
    expect(silentFor(7)).toEqual([]);
    expect(silentFor(14)).toEqual([]);
    const [d] = silentFor(15);
    expect(d?.evidence.numbers).toMatchObject({ daysSinceLastCheckIn: 15, usualLongestGap: 10, thresholdDays: 15 });
  });

  it('does not count days of a declared break in a past gap as usual silence', () => {
    // The second past gap was a declared break: the usual gap is the first, 10 days, so still 15.
    const secondGap = { start: dayAfter(START, 70), end: dayAfter(START, 79) };
    expect(silentFor(15, { pauses: [secondGap] })[0]?.evidence.numbers.usualLongestGap).toBe(10);
    // Both were: the person logs daily, so a week is unusual.
    const firstGap = { start: dayAfter(START, 30), end: dayAfter(START, 39) };
    expect(silentFor(7, { pauses: [firstGap, secondGap] })[0]?.evidence.numbers).toMatchObject({ usualLongestGap: 0, thresholdDays: 7 });
  });

  it('flags three weeks of silence whatever the usual gap', () => {
    const longGaps = [...moodSeries(30, 6, 10), ...Array<null>(20).fill(null), ...moodSeries(40, 6, 10)];
    const silent = (days: number) => ofKind(run([...longGaps, ...Array<null>(days).fill(null)]), 'disengagement');
    expect(silent(20)).toEqual([]);
    expect(silent(21)[0]?.evidence.numbers).toMatchObject({ usualLongestGap: 20, thresholdDays: 21 });
  });

  it('reports a questionnaire overdue past cadence and grace', () => {
    const found = ofKind(run(engaged, { measures: [phq9(10, 8)], measureCadenceDays: 14 }), 'disengagement');
    expect(found.map((i) => i.key)).toEqual([`disengagement:phq9:${dayAfter(START, 24)}`]);
    expect(found[0]?.evidence.numbers.daysOverdue).toBe(59 - 24);
  });
});

describe('questionnaires', () => {
  const moods = moodSeries(60, 6, 11);

  it('reports a band crossing and a reliable deterioration', () => {
    const insights = run(moods, { measures: [phq9(10, 6), phq9(40, 13)] });
    const [band] = ofKind(insights, 'band_change');
    expect(band?.direction).toBe('worsening');
    expect(band?.summary).toContain('mild (6 on 16 Jan) to moderate (13 on 15 Feb), against the previous score');
    expect(band?.severity).toBe('attention');
    expect(ofKind(insights, 'reliable_change').map((i) => i.direction)).toEqual(['worsening']);
  });

  it('asks for attention for a reliable rise into the clinical range, not for one that stays below it', () => {
    const [significant] = ofKind(run(moods, { measures: [phq9(10, 3), phq9(40, 10)] }), 'reliable_change');
    expect(significant).toMatchObject({ direction: 'worsening', severity: 'attention' });
    const [belowCaseness] = ofKind(run(moods, { measures: [phq9(10, 1), phq9(40, 8)] }), 'reliable_change');
    expect(belowCaseness).toMatchObject({ direction: 'worsening', severity: 'info' });
  });

  it('keeps its published thresholds after dismissals, and does not claim to be shown less often', () => {
    const reviews = (['band_change', 'reliable_change'] as const).map((kind) => ({
      kind,
      direction: 'worsening' as const,
      key: `${kind}:phq9:${dayAfter(START, 5)}`,
      outcome: 'dismissed' as const,
      date: dayAfter(START, 5),
    }));
    const insights = run(moods, { measures: [phq9(10, 6), phq9(40, 13)], reviews });
    const found = [...ofKind(insights, 'band_change'), ...ofKind(insights, 'reliable_change')];
    expect(found).toHaveLength(2);
    expect(found.map((i) => i.sensitivity)).toEqual([undefined, undefined]);
  });

  it('shows a worse band reached by less than a reliable change as information, with why', () => {
    const [band] = ofKind(run(moods, { measures: [phq9(10, 8), phq9(40, 11)] }), 'band_change');
    expect(band).toMatchObject({ severity: 'info', direction: 'worsening' });
    expect(band?.evidence.notes).toEqual(['A change of less than 6 points can be measurement error.']);
    const [clinicRule] = ofKind(
      run(moods, { measures: [phq9(10, 8), phq9(40, 11)], thresholds: { reliableChange: { phq9: 3 } } }),
      'band_change',
    );
    expect(clinicRule?.severity).toBe('attention');
  });

  it('reports reliable recovery and remission for PHQ-9 16 → 4, once each', () => {
    const insights = run(moods, { measures: [phq9(5, 16), phq9(20, 12), phq9(35, 9), phq9(50, 4)] });
    expect(ofKind(insights, 'reliable_recovery')).toHaveLength(1);
    expect(ofKind(insights, 'remission')).toHaveLength(1);
    expect(ofKind(insights, 'recovery')).toEqual([]);
    expect(ofKind(insights, 'response')).toEqual([]);
    // Reliable recovery held since 9 on day 35 (16 − 9 ≥ 6 and below 10).
    expect(ofKind(insights, 'reliable_recovery')[0]?.key).toBe(`reliable_recovery:phq9:${dayAfter(START, 35)}`);
  });

  it('reports recovery without a reliable fall (12 → 8) and response for 14 → 7', () => {
    expect(ofKind(run(moods, { measures: [phq9(5, 12), phq9(40, 8)] }), 'recovery')).toHaveLength(1);
    expect(ofKind(run(moods, { measures: [phq9(5, 14), phq9(40, 7)] }), 'response')).toHaveLength(1);
  });

  it('follows a clinic’s stricter reliable-change threshold', () => {
    const measures = [phq9(5, 8), phq9(40, 14)];
    expect(ofKind(run(moods, { measures }), 'reliable_change')).toHaveLength(1);
    expect(ofKind(run(moods, { measures, thresholds: { reliableChange: { phq9: 7 } } }), 'reliable_change')).toEqual([]);
  });

  it('stays silent with one questionnaire', () => {
    const insights = run(moods, { measures: [phq9(50, 20)] });
    expect(insights.filter((i) => i.kind !== 'disengagement')).toEqual([]);
  });
});

describe('risk', () => {
  const moods = moodSeries(30, 6, 12);

  it('raises item 9 above 0 as urgent, from the latest PHQ-9 only', () => {
    const [risk, ...more] = ofKind(run(moods, { measures: [phq9(20, 12, 1)] }), 'item9');
    expect(more).toEqual([]);
    expect(risk?.severity).toBe('urgent');
    expect(risk?.summary).toContain('"Several days"');
    expect(ofKind(run(moods, { measures: [phq9(10, 12, 2), phq9(20, 5, 0)] }), 'item9')).toEqual([]);
  });

  it('is never dampened by dismissals', () => {
    const reviews = [1, 2, 3].map((d) => ({
      kind: 'item9' as const,
      direction: 'worsening' as const,
      key: `item9:${dayAfter(START, d)}`,
      outcome: 'dismissed' as const,
      date: dayAfter(START, d),
    }));
    const [risk] = ofKind(run(moods, { measures: [phq9(20, 12, 1)], reviews }), 'item9');
    expect(risk).toBeDefined();
    expect(risk?.sensitivity).toBeUndefined();
  });

  it('raises recent crisis language as urgent and lets old hits go', () => {
    const found = ofKind(
      run(moods, {
        riskLanguageHits: [
          { date: dayAfter(START, 2), source: 'journal' },
          { date: dayAfter(START, 27), source: 'journal' },
        ],
      }),
      'crisis_language',
    );
    expect(found.map((i) => i.window.start)).toEqual([dayAfter(START, 27)]);
  });

  it('names where risk language was flagged, one signal per day', () => {
    const day = dayAfter(START, 27);
    const found = ofKind(
      run(moods, {
        riskLanguageHits: [
          { date: day, source: 'check_in_note' },
          { date: day, source: 'journal' },
        ],
      }),
      'crisis_language',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.summary).toMatch(/^Risk language was flagged in a check-in note and a journal entry on /);
    expect(found[0]?.evidence.numbers).toEqual({ textsFlagged: 2 });
  });
});

describe('sensitivity from dismissals', () => {
  const moods = [...moodSeries(60, 6, 10), ...Array<null>(10).fill(null)];
  const dismissed = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'disengagement' as const,
      direction: 'neutral' as const,
      key: `disengagement:checkins:2024-0${i + 1}-01`,
      outcome: 'dismissed' as const,
      reason: 'on holiday',
      date: dayAfter(START, i),
    }));

  it('shows the note when it still speaks', () => {
    // One dismissal: the 7-day bar becomes 8.75 days; 10 days still clears it.
    const [found] = ofKind(run(moods, { reviews: dismissed(1) }), 'disengagement');
    expect(found?.sensitivity?.note).toBe('Shown less often for this client: dismissed once in the past year.');
    expect(found?.evidence.numbers.thresholdDays).toBe(8.75);
  });

  it('says the dismissals changed nothing when the three-week ceiling holds the bar', () => {
    // Gaps of 20 days the person came back from put the bar at its 21-day ceiling before any
    // dismissal, so two dismissals cannot raise it: the silence is shown on day 21 all the same.
    const longGaps = [...moodSeries(30, 6, 10), ...Array<null>(20).fill(null), ...moodSeries(40, 6, 10)];
    const [found] = ofKind(run([...longGaps, ...Array<null>(21).fill(null)], { reviews: dismissed(2) }), 'disengagement');
    expect(found?.evidence.numbers.thresholdDays).toBe(21);
    expect(found?.sensitivity).toEqual({
      dismissedCount: 2,
      thresholdFactor: 1,
      note: 'Dismissed 2 times in the past year, but shown as before: a silence of 21 days always reaches the therapist.',
    });
  });

  it('raises the bar with each dismissal', () => {
    // Four dismissals double the bar to 14 days.
    expect(ofKind(run(moods, { reviews: dismissed(4) }), 'disengagement')).toEqual([]);
  });

  it('counts only dismissals in the same direction: dismissed rises do not hide a fall', () => {
    // A 1.5-point drop on whole-number answers (mean 7.25, then 5.75): four dismissals double the
    // 1.25-point bar past it, but only if they were of falls.
    const fall = [
      ...Array.from({ length: 80 }, (_, i) => [7, 8, 7, 7][i % 4] as number),
      ...Array.from({ length: 21 }, (_, i) => [6, 5, 6, 6][i % 4] as number),
    ];
    const dismissedShifts = (direction: 'improving' | 'worsening') =>
      Array.from({ length: 4 }, (_, i) => ({
        kind: 'shift' as const,
        direction,
        key: `shift:2024-0${i + 1}-01`,
        outcome: 'dismissed' as const,
        date: dayAfter(START, i),
      }));
    const falls = (direction: 'improving' | 'worsening') =>
      run(fall, { reviews: dismissedShifts(direction) }).filter((i) => i.kind === 'shift' && i.direction === 'worsening');
    const [shown] = falls('improving');
    expect(shown).toBeDefined();
    expect(shown?.sensitivity).toBeUndefined();
    expect(falls('worsening')).toEqual([]);
  });

  it('forgets dismissals older than a year', () => {
    const old = dismissed(4).map((r) => ({ ...r, date: '2023-01-01' }));
    expect(ofKind(run(moods, { reviews: old }), 'disengagement')[0]?.sensitivity).toBeUndefined();
  });
});

describe('sleep and mood', () => {
  const sleep = wobble(90, 13, 2).map((w) => 7 + w * 0.75);

  it('reports a same-day association with ρ and n', () => {
    const moods = sleep.map((s, i) => Math.round(6 + (s - 7) * 1.2 + (wobble(90, 14)[i] as number) * 0.5));
    const [found] = ofKind(
      run(moods, {}, (i) => ({ sleepHours: sleep[i] as number })),
      'sleep_mood',
    );
    expect(found?.evidence.numbers.n).toBe(90);
    expect(found?.evidence.numbers.spearmanRho).toBeGreaterThan(0.5);
    expect(found?.summary).not.toMatch(/because|causes|leads to/);
  });

  it('stays silent with fewer than 28 nights', () => {
    const moods = sleep.slice(0, 20).map((s) => Math.round(6 + (s - 7) * 1.2));
    expect(
      ofKind(
        run(moods, {}, (i) => ({ sleepHours: sleep[i] as number })),
        'sleep_mood',
      ),
    ).toEqual([]);
  });
});

describe('weekday pattern', () => {
  it('finds Mondays that run two points low', () => {
    const moods = moodSeries(84, 7, 15, (i) => (i % 7 === 0 ? -2 : 0));
    const [found] = ofKind(run(moods), 'weekday');
    expect(found?.key.startsWith('weekday:monday-low:')).toBe(true);
  });

  it('stays silent with too few weeks', () => {
    expect(ofKind(run(moodSeries(21, 7, 15, (i) => (i % 7 === 0 ? -2 : 0))), 'weekday')).toEqual([]);
  });
});

describe('gradual change', () => {
  // Ten weeks around 7, then a steady fall of 2.8 points over five weeks, with day-to-day noise
  // that carries over (AR(1), φ = 0.5), as real mood does.
  let carried = 0;
  const declining = wobble(105, 40).map((w, i) => {
    carried = 0.5 * carried + 0.8 * w;
    return Math.round(7 + carried + (i >= 70 ? (-2.8 * (i - 70)) / 35 : 0));
  });

  it('reports a steady decline in autocorrelated mood (autocorrelation read around the ramp, not PELT steps)', () => {
    const [decline] = ofKind(run(declining), 'decline');
    expect(decline).toMatchObject({ severity: 'attention', direction: 'worsening' });
  });
});

describe('change on a coarse answer scale', () => {
  const cycle = (values: readonly number[], length: number) => Array.from({ length }, (_, i) => values[i % values.length] as number);

  it('reports a drop of 1.5 points on whole-number answers', () => {
    // Mean 7.25 for 80 days, then 5.75 for 21: far past 1.25 points and the spread.
    const [change] = run([...cycle([7, 8, 7, 7], 80), ...cycle([6, 5, 6, 6], 21)]).filter((i) => i.direction === 'worsening');
    expect(change?.kind).toBe('shift');
    expect(change?.evidence.numbers.answerStep).toBe(1);
  });

  it('finds a fall of 2.6 points over four weeks in a five-level diary, reading carry-over from the baseline', () => {
    // Latent mood 7.2 with a little carry-over (0.3), answered as the nearest of 1, 3, 5, 8 and 10;
    // from day 80 it falls 2.6 points over four weeks. Read on day 110, the answers the fall leaves
    // unexplained around a fitted step looked like carry-over and hid it before engine 1.8.0.
    const levels = [1, 3, 5, 8, 10];
    const nearest = (x: number) => levels.reduce((a, b) => (Math.abs(b - x) < Math.abs(a - x) ? b : a));
    let carried = 0;
    const moods = wobble(110, 11, 1.4).map((w, i) => {
      carried = 0.3 * carried + w;
      return nearest(7.2 + carried + (i >= 80 ? -2.6 * Math.min(1, (i - 80) / 28) : 0));
    });
    const [change] = run(moods).filter((i) => ['shift', 'decline'].includes(i.kind) && i.direction === 'worsening');
    expect(change?.evidence.numbers.answerStep).toBeGreaterThan(1);
    expect(change?.evidence.numbers.fittedChange).toBeLessThan(-1.5);
  });

  it('does not report the same 1.5-point drop in the mean when the person answers only 5 or 8', () => {
    // Mean 7.25 (8, 8, 8, 5), then 5.75 (5, 5, 8, 5): the person gives "meh" twice as often; the
    // change is half a step of their answers.
    const insights = run([...cycle([8, 8, 8, 5], 80), ...cycle([5, 5, 8, 5], 21)]);
    expect(insights.filter((i) => ['shift', 'decline'].includes(i.kind))).toEqual([]);
  });
});
