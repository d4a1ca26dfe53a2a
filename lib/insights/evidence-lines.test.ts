import { describe, expect, it } from 'vitest';
import { computeInsights } from './engine';
import { chanceText, evidenceLines } from './evidence-lines';

const line = (kind: string, numbers: Record<string, number>, windowStart = '2026-10-26') =>
  evidenceLines({ kind, windowStart, windowEnd: '2026-11-26', numbers });

describe('evidence in a clinician’s words', () => {
  it('turns a p value into odds, never below what it shows', () => {
    expect(chanceText(0)).toBe('fewer than 1 in 10,000');
    expect(chanceText(0.00002)).toBe('fewer than 1 in 10,000');
    expect(chanceText(0.0003)).toBe('about 1 in 3,300');
    expect(chanceText(0.02)).toBe('about 1 in 50');
  });

  it('states a change in mood with its means, days, dates, size and confidence', () => {
    const numbers = {
      baselineMean: 7.14,
      recentMean: 4.36,
      fittedChange: -2.8,
      transitionDays: 0,
      personalSpread: 0.92,
      z: -6.71,
      p: 0,
      lag1Autocorrelation: 0.31,
      baselineDays: 48,
      loggedDaysSinceChange: 14,
      theilSenSlopePerDay: -0.05,
      mannKendallP: 0.004,
    };
    expect(line('shift', numbers)).toEqual([
      'Mean mood since 26 Oct: 4.4 of 10, over 14 days logged',
      'Usual level before 26 Oct: 7.1, the mean of 48 days logged',
      'Size of the change in the fitted shape: −2.8 points, from one day to the next',
      "This person's usual day-to-day spread: 0.9 points",
      'Confidence: the change is 6.7 times its standard error; a change this large without a real one: fewer than 1 in 10,000, allowing for day-to-day carry-over',
      'Day-to-day carry-over of mood (lag-1 autocorrelation): 0.31',
      'Trend over the last 4 weeks: −0.4 points a week; a trend this steady without a real one: about 1 in 250',
    ]);
    expect(line('decline', { ...numbers, transitionDays: 21 })[2]).toBe(
      'Size of the change in the fitted shape: −2.8 points, over 21 days',
    );
    // Whole-number answers say nothing of their step; a five-level diary's step is said.
    expect(line('shift', { ...numbers, answerStep: 1 })).toEqual(line('shift', numbers));
    expect(line('shift', { ...numbers, answerStep: 2.5 })[4]).toBe(
      'This person answers in steps of about 2.5 points (a diary with a few levels); a change under 2.1 points is not reported',
    );
  });

  it('states widening swings, low runs, silences and overdue questionnaires with their units', () => {
    expect(
      line('volatility', {
        recentRmssd: 2.46,
        baselineRmssd: 1.1,
        ratio: 2.24,
        recentSd: 2.64,
        baselineSd: 1.21,
        sdRatio: 2.18,
        z: 4.2,
        p: 0.00003,
        recentPairs: 19,
        baselinePairs: 40,
        recentDays: 23,
        baselineDays: 49,
      }),
    ).toEqual([
      'Typical change from one day to the next, last 4 weeks: 2.5 points (19 pairs of consecutive days)',
      'The same over the 8 weeks before: 1.1 points',
      'Swings are 2.2 times as large as usual',
      'Spread of daily mood (standard deviation), last 4 weeks: 2.6 points over 23 days logged; the 8 weeks before: 1.2 over 49 days',
      'A spread this much wider without a real change: fewer than 1 in 10,000',
    ]);
    // Found by the six-week comparison: both lines name it.
    const sixWeeks = line('volatility', {
      windowDays: 42,
      recentRmssd: 2.46,
      recentPairs: 28,
      recentSd: 2.64,
      baselineSd: 1.21,
      recentDays: 34,
      baselineDays: 49,
    });
    expect(sixWeeks[0]).toBe('Typical change from one day to the next, last 6 weeks: 2.5 points (28 pairs of consecutive days)');
    expect(sixWeeks[1]).toBe(
      'Spread of daily mood (standard deviation), last 6 weeks: 2.6 points over 34 days logged; the 8 weeks before: 1.2 over 49 days',
    );
    // 1.5.0 on: the spread of mood with each answer read as its range, beside the swings.
    const rangesNumbers = {
      windowDays: 28,
      recentRmssd: 3.1,
      recentPairs: 17,
      baselineRmssd: 1.7,
      ratio: 1.82,
      recentSpread: 2.36,
      baselineSpread: 0.94,
      spreadRatio: 2.51,
      p: 0.0004,
      recentDays: 24,
      baselineDays: 47,
    };
    const ranges = line('volatility', rangesNumbers);
    expect(ranges).toEqual([
      'Typical change from one day to the next, last 4 weeks: 3.1 points (17 pairs of consecutive days)',
      'The same over the 8 weeks before: 1.7 points',
      'Swings are 1.8 times as large as usual',
      'Spread of mood (standard deviation, each answer read as the range of mood it stands for), last 4 weeks: 2.4 points over 24 days logged; the 8 weeks before: 0.9 over 47 days',
      'A spread this much wider without a real change: about 1 in 2,500',
    ]);
    // A baseline at the fit's floor: the answers allowed any smaller spread, and the line says so.
    const floored = line('volatility', { ...rangesNumbers, baselineSpread: 0.5 });
    expect(floored[3]).toBe(
      'Spread of mood (standard deviation, each answer read as the range of mood it stands for), last 4 weeks: 2.4 points over 24 days logged; the 8 weeks before: 0.5 or less over 47 days',
    );
    // 1.7.0 on, the baseline's length is stored with the insight and named in both lines that read it.
    const longBaseline = line('volatility', { ...rangesNumbers, baselineWindowDays: 140, baselineDays: 104 });
    expect(longBaseline[1]).toBe('The same over the 20 weeks before: 1.7 points');
    expect(longBaseline[3]).toBe(
      'Spread of mood (standard deviation, each answer read as the range of mood it stands for), last 4 weeks: 2.4 points over 24 days logged; the 20 weeks before: 0.9 over 104 days',
    );
    // A history shorter than 20 weeks: the baseline reaches back to the first logged day, in whole weeks.
    expect(line('volatility', { ...rangesNumbers, baselineWindowDays: 66 })[1]).toBe('The same over the 9 weeks before: 1.7 points');
    // 1.6.0 on, a diary with a few levels: the day-to-day change read from the answers' ranges, which the bar was applied to.
    const coarse = line('volatility', { ...rangesNumbers, ratio: 1.31, recentRangeChange: 1.62, baselineRangeChange: 0.5 });
    expect(coarse[2]).toBe('Swings are 1.3 times as large as usual');
    expect(coarse[3]).toBe(
      'Read from a diary with a few levels (each answer as the range of mood it stands for), typical change from one day to the next: 1.6 points in the last 4 weeks against 0.5 or less before, 3.2 times as large',
    );
    expect(line('low_run', { runDays: 8, runMedian: 2, baselineMedian: 6, cutoff: 3 })).toEqual([
      'Low days in a row: 8, median mood 2.0',
      'Usual median before: 6.0; a day counts as low at 3.0 or below',
    ]);
    expect(line('disengagement', { daysSinceLastCheckIn: 12, usualLongestGap: 2, thresholdDays: 7, previousLoggingRate: 0.86 })).toEqual([
      'Days without a check-in: 12 (declared breaks not counted)',
      'Longest usual gap in the past year: 2 days; flagged from 7 days',
      'Days logged in the 90 days before: 86 %',
    ]);
    expect(line('disengagement', { daysOverdue: 9, cadenceDays: 14, completed: 3 })).toEqual([
      'Days past due: 9 (due every 14 days; declared breaks not counted)',
      'Completed so far: 3',
    ]);
  });

  it('says which score a questionnaire change is measured from, and whether a band change is reliable', () => {
    expect(line('band_change', { previousScore: 11, latestScore: 13, reliableChange: 6 })).toEqual([
      'Previous score 11, latest 13: +2 points',
      'Reliable change needs 6 points or more: this change is not reliable',
    ]);
    expect(
      line('reliable_change', { firstScore: 7, latestScore: 13, change: 6, reliableChangeThreshold: 6, casenessThreshold: 10 }),
    ).toEqual([
      'First score on record 7, latest 13: +6 points (compared with the first score, as the clinical rule defines)',
      'Reliable change: 6 points or more; clinical cut-off: 10',
    ]);
    expect(line('item9', { item9Answer: 2, phq9Total: 17 })).toEqual(['Item 9 answer: 2 of 3; PHQ-9 total 17']);
  });

  it('states sleep and weekday patterns without causal words', () => {
    expect(
      line('sleep_mood', {
        spearmanRho: 0.46,
        p: 0.0002,
        n: 61,
        medianSleepHours: 7,
        moodAfterLongerSleep: 6.4,
        moodAfterShorterSleep: 5.1,
      }),
    ).toEqual([
      'Mean mood after more than 7.0 hours of sleep: 6.4; after less: 5.1',
      'Strength of the association (Spearman ρ): 0.46, over 61 days with both logged',
      'An association this strong without a real one: about 1 in 5,000',
    ]);
    expect(line('weekday', { kruskalWallisH: 30, p: 0.0001, epsilonSquared: 0.2, weekdayEffectPoints: -1.2, observations: 80 })).toEqual([
      'Difference from the rest of the same week: −1.2 points, over 80 logged days',
      'A weekday difference this large without a real one: about 1 in 10,000',
    ]);
  });

  it('agrees with the summary the engine writes beside it: the same questionnaire scores and dates', () => {
    const measures = [
      { instrument: 'phq9' as const, items: [1, 1, 1, 1, 1, 1, 1, 0, 0], completedAt: '2026-01-05' },
      { instrument: 'phq9' as const, items: [1, 1, 1, 1, 1, 1, 1, 2, 0], completedAt: '2026-11-06' },
      { instrument: 'phq9' as const, items: [2, 2, 2, 1, 1, 1, 2, 2, 0], completedAt: '2026-11-20' },
    ];
    const insights = computeInsights({ asOf: '2026-11-26', checkIns: [], measures });
    const reliable = insights.find((i) => i.kind === 'reliable_change');
    expect(reliable?.summary).toBe('PHQ-9 has reliably worsened since the first score on record: 7 on 5 Jan → 13 on 20 Nov.');
    expect(
      evidenceLines({
        kind: 'reliable_change',
        windowStart: reliable?.window.start ?? '',
        windowEnd: reliable?.window.end ?? '',
        numbers: reliable?.evidence.numbers ?? {},
      })[0],
    ).toBe('First score on record 7, latest 13: +6 points (compared with the first score, as the clinical rule defines)');
    const band = insights.find((i) => i.kind === 'band_change');
    expect(band?.summary).toBe('PHQ-9 moved from mild (9 on 6 Nov) to moderate (13 on 20 Nov), against the previous score.');
  });
});
