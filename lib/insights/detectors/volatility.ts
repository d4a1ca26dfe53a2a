import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between } from '../daily-series';
import { dispersionRatioTest, type DispersionRatioTest } from '../stats/dispersion';
import { mssd, successiveDifferences } from '../stats/successive-differences';
import { round, type AnalysisContext, type Detection } from './context';

/** A person whose mood barely moves is floored at half a point, so one swing is not "infinite" volatility. */
const SPREAD_FLOOR = 0.25;
/** Consecutive-day pairs needed to say anything about day-to-day change. */
const MIN_RECENT_PAIRS = 5;
const MIN_BASELINE_PAIRS = 10;

type WindowTest = {
  windowDays: number;
  recentStart: number;
  recentDays: number;
  baselineDays: number;
  recentPairs: number;
  baselinePairs: number;
  recentRmssd: number;
  baselineRmssd: number;
  rmssdRatio: number;
  test: DispersionRatioTest;
};

/** The last `windowDays` against the 8 weeks before them; null below the minimum data. */
function compareWindow(context: AnalysisContext, windowDays: number): WindowTest | null {
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
  return {
    windowDays,
    recentStart,
    recentDays: recentDays.length,
    baselineDays: baselineDays.length,
    recentPairs: recent.length,
    baselinePairs: baseline.length,
    recentRmssd,
    baselineRmssd,
    rmssdRatio: recentRmssd / baselineRmssd,
    test: dispersionRatioTest(recentDays, baselineDays, SPREAD_FLOOR),
  };
}

/**
 * Increased volatility: bigger day-to-day swings over the last four weeks than in the eight weeks
 * before. Two readings must agree. The root mean squared successive difference, the usual measure
 * of affective instability in daily-diary research (Jahng, Wood & Trull 2008), must have grown by
 * the minimum ratio: swings, not a level that moved. The spread of the daily means about their
 * own mean must have grown by the same ratio, and significantly (`dispersionRatioTest`): it uses
 * every logged day, where successive differences need two consecutive ones, which matters for
 * diaries with gaps and for coarse answers (a five-level scale) whose successive differences are
 * mostly 0 or one step.
 *
 * When four weeks do not show it, the last six weeks are compared with the eight before them:
 * swings that began five weeks ago have by then moved a week into the four-week comparison's
 * baseline, and a five-level diary needs the extra days (on the synthetic Daylio-shaped clients of
 * `eval:insights --seeds tuning`, volatility found 0.40 → 0.50, controls' volatility alarms 6 → 9).
 */
export function detectVolatility(context: AnalysisContext): Detection[] {
  const minRatio = DETECTION.minVolatilityRatio * context.sensitivity('volatility').factor;
  const found = [DETECTION.volatilityWindowDays, DETECTION.volatilityLongWindowDays]
    .map((windowDays) => compareWindow(context, windowDays))
    .find(
      (w): w is WindowTest =>
        w !== null && w.rmssdRatio >= minRatio && Math.sqrt(w.test.ratio) >= minRatio && w.test.p < DETECTION.volatilityAlpha,
    );
  if (!found) return [];
  const { test, recentStart, windowDays } = found;
  const weeks = windowDays / 7;
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
        method: `Root mean squared successive difference and standard deviation of daily mood, last ${weeks} weeks vs the 8 weeks before; log-ratio test of the variances, corrected for autocorrelation`,
        numbers: {
          windowDays,
          recentRmssd: round(found.recentRmssd),
          baselineRmssd: round(found.baselineRmssd),
          ratio: round(found.rmssdRatio),
          recentSd: round(Math.sqrt(test.recentVariance)),
          baselineSd: round(Math.sqrt(test.baselineVariance)),
          sdRatio: round(Math.sqrt(test.ratio)),
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
