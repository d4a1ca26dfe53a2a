import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between, type DayValue } from '../daily-series';
import { dispersionRatioTest, successiveDifferenceSpread, type DispersionRatioTest } from '../stats/dispersion';
import { answerIntervals } from '../stats/interval-normal';
import { mssd, successiveDifferences } from '../stats/successive-differences';
import { round, type AnalysisContext, type Detection } from './context';

/** A person whose mood barely moves is floored at half a point (a variance of 0.25), so one swing is not "infinite" volatility. */
const SPREAD_FLOOR = 0.25;
/** The same floor as a standard deviation: the smallest spread of mood the fit reports. */
export const SIGMA_FLOOR = Math.sqrt(SPREAD_FLOOR);
/** Consecutive-day pairs needed to say anything about day-to-day change. */
const MIN_RECENT_PAIRS = 5;
const MIN_BASELINE_PAIRS = 10;
/**
 * On answers coarser than whole points, the share of the minimum ratio the root mean squared
 * successive difference of the answers must still reach when the day-to-day change read from the
 * answers' ranges has grown by the full ratio (1.2 at the default bar of 1.5). Chosen on the
 * synthetic Daylio-shaped clients of `eval:insights --seeds tuning` (replaying the detector alone):
 * without it, swings raised during a planted shift or decline 2 → 9 of 120, with it 5.
 */
const COARSE_RMSSD_SHARE = 0.8;

type WindowTest = {
  windowDays: number;
  recentStart: number;
  recentDays: number;
  baselineDays: number;
  /** Days from the first logged day of the baseline to the window: up to `DETECTION.volatilityBaselineDays`, less for a shorter history. */
  baselineSpanDays: number;
  recentPairs: number;
  baselinePairs: number;
  recentRmssd: number;
  baselineRmssd: number;
  rmssdRatio: number;
  /** On answers coarser than whole points: the day-to-day change read from the answers' ranges, which passed the bar. */
  rangeChange: { recent: number; baseline: number } | null;
  test: DispersionRatioTest;
};

/**
 * The last `windowDays` against the baseline before them (`DETECTION.volatilityBaselineDays`); null below the minimum data or when the
 * swings have not grown by `minRatio` (the spread's test, the costly part, is then not run).
 */
function compareWindow(context: AnalysisContext, windowDays: number, minRatio: number): WindowTest | null {
  const { asOfDay, series } = context;
  const recentStart = asOfDay - windowDays + 1;
  const baselineStart = recentStart - DETECTION.volatilityBaselineDays;
  const recentDays = between(series.mood, recentStart, asOfDay);
  const baselineDays = between(series.mood, baselineStart, recentStart - 1);
  if (recentDays.length < DETECTION.minVolatilityRecentDays || baselineDays.length < DETECTION.minVolatilityBaselineDays) return null;
  const recent = successiveDifferences(recentDays);
  const baseline = successiveDifferences(baselineDays);
  if (recent.length < MIN_RECENT_PAIRS || baseline.length < MIN_BASELINE_PAIRS) return null;
  const recentRmssd = Math.sqrt(mssd(recent, SPREAD_FLOOR));
  const baselineRmssd = Math.sqrt(mssd(baseline, SPREAD_FLOOR));
  // On coarse answers the RMSSD need only reach its share of the bar; the ranges must reach all of it.
  const isCoarse = series.moodStep > 1;
  if (recentRmssd / baselineRmssd < (isCoarse ? COARSE_RMSSD_SHARE : 1) * minRatio) return null;
  const recentAnswers = between(series.moodAnswers, recentStart, asOfDay);
  const baselineAnswers = between(series.moodAnswers, baselineStart, recentStart - 1);
  const intervals = answerIntervals(series.moodAnswers.map((a) => a.value));
  let rangeChange: WindowTest['rangeChange'] = null;
  if (isCoarse) {
    rangeChange = {
      recent: successiveDifferenceSpread(recentAnswers, intervals, SIGMA_FLOOR),
      baseline: successiveDifferenceSpread(baselineAnswers, intervals, SIGMA_FLOOR),
    };
    if (rangeChange.recent / rangeChange.baseline < minRatio) return null;
  }
  return {
    windowDays,
    recentStart,
    recentDays: recentDays.length,
    baselineDays: baselineDays.length,
    baselineSpanDays: recentStart - (baselineDays[0] as DayValue).day,
    recentPairs: recent.length,
    baselinePairs: baseline.length,
    recentRmssd,
    baselineRmssd,
    rmssdRatio: recentRmssd / baselineRmssd,
    rangeChange,
    test: dispersionRatioTest(recentAnswers, baselineAnswers, intervals, baselineDays, SIGMA_FLOOR),
  };
}

/**
 * Increased volatility: bigger day-to-day swings over the last four weeks than in the 20 weeks
 * before. Two readings must agree. The root mean squared successive difference, the usual measure
 * of affective instability in daily-diary research (Jahng, Wood & Trull 2008), must have grown by
 * the minimum ratio: swings, not a level that moved. The spread of mood about each window's own
 * mean must have grown by the same ratio, and significantly (`dispersionRatioTest`): it uses
 * every answer of every logged day, where successive differences need two consecutive days,
 * which matters for diaries with gaps; and it reads each answer as the range of mood it stands
 * for, which matters for coarse answers (a five-level scale), whose own variance mostly says how
 * close the person's usual mood sits to the edge between two levels. On the synthetic Daylio-shaped
 * clients of `eval:insights --seeds tuning`, reading answers as ranges rather than taking the
 * variance of the daily means found 0.50 → 0.60 of planted swings, with controls' volatility alarms
 * 9 → 3 (whole-number clients: 0.83 → 0.85, alarms 4 → 6).
 *
 * On answers coarser than whole points (`moodStep` above 1) the swings are also read from the
 * answers' ranges (`successiveDifferenceSpread`): a person between two levels who answers both in
 * turn has an RMSSD of a whole level while their mood barely changes, which hid a real rise in
 * swings. There the spread of day-to-day change read from the ranges must have grown by the
 * minimum ratio, and the RMSSD of the answers by `COARSE_RMSSD_SHARE` of it, which still keeps a
 * moving level from reading as swings. On the synthetic Daylio-shaped clients of
 * `eval:insights --seeds tuning`: volatility found 0.60 → 0.70, controls' volatility alarms 3 → 3.
 * Whole-number answers keep the RMSSD bar: read from ranges there, the same tuning clients gave
 * 0.85 → 0.87 of swings for twice the controls' alarms.
 *
 * When four weeks do not show it, the last six weeks are compared with the baseline before them:
 * swings that began five weeks ago have by then moved a week into the four-week comparison's
 * baseline, and a five-level diary needs the extra days (on the synthetic Daylio-shaped clients of
 * `eval:insights --seeds tuning`, volatility found 0.40 → 0.50, controls' volatility alarms 6 → 9).
 *
 * The baseline is up to 20 weeks before the compared window (`DETECTION.volatilityBaselineDays`;
 * 8 weeks before 1.7.0), with at least 4 weeks' worth of logged days: the usual spread is then
 * estimated from about twice the days, so the same p < 0.001 is reached by a smaller widening,
 * with no more alarms on the synthetic controls (see the constant for the figures).
 */
export function detectVolatility(context: AnalysisContext): Detection[] {
  const minRatio = DETECTION.minVolatilityRatio * context.sensitivity('volatility', 'worsening').factor;
  let found: WindowTest | null = null;
  for (const windowDays of [DETECTION.volatilityWindowDays, DETECTION.volatilityLongWindowDays]) {
    const w = compareWindow(context, windowDays, minRatio);
    if (w && w.test.ratio >= minRatio && w.test.p < DETECTION.volatilityAlpha) {
      found = w;
      break;
    }
  }
  if (!found) return [];
  const { test, recentStart, windowDays } = found;
  const weeks = windowDays / 7;
  const baselineWeeks = Math.round(found.baselineSpanDays / 7);
  return [
    {
      kind: 'volatility',
      severity: 'attention',
      direction: 'worsening',
      anchorDay: recentStart,
      startDay: recentStart,
      endDay: context.asOfDay,
      summary: `Mood has swung more from day to day over the last ${weeks} weeks: typical day-to-day change ${round(found.recentRmssd, 1)} points, against ${round(found.baselineRmssd, 1)} before.`,
      evidence: {
        method: `Root mean squared successive difference of daily mood, and spread of mood with each answer read as the range of mood it stands for, last ${weeks} weeks vs the ${baselineWeeks} weeks before; likelihood-ratio test of the spreads, corrected for autocorrelation`,
        numbers: {
          windowDays,
          baselineWindowDays: found.baselineSpanDays,
          recentRmssd: round(found.recentRmssd),
          baselineRmssd: round(found.baselineRmssd),
          ratio: round(found.rmssdRatio),
          ...(found.rangeChange && {
            recentRangeChange: round(found.rangeChange.recent),
            baselineRangeChange: round(found.rangeChange.baseline),
          }),
          recentSpread: round(test.recentSpread),
          baselineSpread: round(test.baselineSpread),
          spreadRatio: round(test.ratio),
          z: round(test.z),
          p: Number(test.p.toPrecision(3)),
          recentPairs: found.recentPairs,
          baselinePairs: found.baselinePairs,
          recentDays: found.recentDays,
          baselineDays: found.baselineDays,
        },
        coverage: dayCoverage(context.series.loggedDays, recentStart, context.asOfDay, context.paused, true),
      },
    },
  ];
}
