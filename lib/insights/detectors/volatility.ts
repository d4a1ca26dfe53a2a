import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between } from '../daily-series';
import { dispersionRatioTest } from '../stats/dispersion';
import { mssd, successiveDifferences } from '../stats/successive-differences';
import { round, type AnalysisContext, type Detection } from './context';

/** A person whose mood barely moves is floored at half a point, so one swing is not "infinite" volatility. */
const SPREAD_FLOOR = 0.25;
/** Consecutive-day pairs needed to say anything about day-to-day change. */
const MIN_RECENT_PAIRS = 5;
const MIN_BASELINE_PAIRS = 10;

/**
 * Increased volatility: bigger day-to-day swings over the last four weeks than in the eight weeks
 * before. Two readings must agree. The root mean squared successive difference, the usual measure
 * of affective instability in daily-diary research (Jahng, Wood & Trull 2008), must have grown by
 * the minimum ratio: swings, not a level that moved. The spread of the daily means about their
 * own mean must have grown by the same ratio, and significantly (`dispersionRatioTest`): it uses
 * every logged day, where successive differences need two consecutive ones, which matters for
 * diaries with gaps and for coarse answers (a five-level scale) whose successive differences are
 * mostly 0 or one step.
 */
export function detectVolatility(context: AnalysisContext): Detection[] {
  const { asOfDay, series } = context;
  const recentStart = asOfDay - DETECTION.volatilityWindowDays + 1;
  const baselineStart = recentStart - DETECTION.volatilityBaselineDays;
  const recentDays = between(series.mood, recentStart, asOfDay);
  const baselineDays = between(series.mood, baselineStart, recentStart - 1);
  if (recentDays.length < DETECTION.minVolatilityRecentDays || baselineDays.length < DETECTION.minVolatilityBaselineDays) return [];
  const recent = successiveDifferences(recentDays);
  const baseline = successiveDifferences(baselineDays);
  if (recent.length < MIN_RECENT_PAIRS || baseline.length < MIN_BASELINE_PAIRS) return [];
  const recentRmssd = Math.sqrt(mssd(recent, SPREAD_FLOOR));
  const baselineRmssd = Math.sqrt(mssd(baseline, SPREAD_FLOOR));
  const rmssdRatio = recentRmssd / baselineRmssd;
  const test = dispersionRatioTest(recentDays, baselineDays, SPREAD_FLOOR);
  const sdRatio = Math.sqrt(test.ratio);
  const minRatio = DETECTION.minVolatilityRatio * context.sensitivity('volatility').factor;
  if (rmssdRatio < minRatio || sdRatio < minRatio || test.p >= DETECTION.volatilityAlpha) return [];
  return [
    {
      kind: 'volatility',
      severity: 'attention',
      direction: 'worsening',
      anchorDay: recentStart,
      startDay: recentStart,
      endDay: asOfDay,
      summary: `Mood has swung more from day to day over the last ${DETECTION.volatilityWindowDays / 7} weeks: typical day-to-day change ${round(recentRmssd, 1)} points, against ${round(baselineRmssd, 1)} before.`,
      evidence: {
        method:
          'Root mean squared successive difference and standard deviation of daily mood, last 4 weeks vs the 8 weeks before; log-ratio test of the variances, corrected for autocorrelation',
        numbers: {
          recentRmssd: round(recentRmssd),
          baselineRmssd: round(baselineRmssd),
          ratio: round(rmssdRatio),
          recentSd: round(Math.sqrt(test.recentVariance)),
          baselineSd: round(Math.sqrt(test.baselineVariance)),
          sdRatio: round(sdRatio),
          z: round(test.z),
          p: Number(test.p.toPrecision(3)),
          recentPairs: recent.length,
          baselinePairs: baseline.length,
          recentDays: recentDays.length,
          baselineDays: baselineDays.length,
        },
        coverage: dayCoverage(series.loggedDays, recentStart, asOfDay, context.paused, true),
      },
    },
  ];
}
