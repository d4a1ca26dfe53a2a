import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between } from '../daily-series';
import { mssdRatioTest, successiveDifferences } from '../stats/successive-differences';
import { round, type AnalysisContext, type Detection } from './context';

/** A person whose mood barely moves is floored at half a point a day, so one swing is not "infinite" volatility. */
const MSSD_FLOOR = 0.25;

/**
 * Increased volatility: the mean squared successive difference, the usual measure of affective
 * instability in daily-diary research (Jahng, Wood & Trull 2008), over the last four weeks
 * against the eight weeks before, by a log-ratio test.
 */
export function detectVolatility(context: AnalysisContext): Detection[] {
  const { asOfDay, series } = context;
  const recentStart = asOfDay - DETECTION.volatilityWindowDays + 1;
  const baselineStart = recentStart - DETECTION.volatilityBaselineDays;
  const recent = successiveDifferences(between(series.mood, recentStart, asOfDay));
  const baseline = successiveDifferences(between(series.mood, baselineStart, recentStart - 1));
  if (recent.length < 10 || baseline.length < 20) return [];
  const test = mssdRatioTest(recent, baseline, MSSD_FLOOR);
  const rmssdRatio = Math.sqrt(test.ratio);
  const sensitivity = context.sensitivity('volatility');
  if (rmssdRatio < DETECTION.minVolatilityRatio * sensitivity.factor || test.p >= DETECTION.volatilityAlpha) return [];
  const recentRmssd = Math.sqrt(recent.reduce((a, d) => a + d * d, 0) / recent.length);
  const baselineRmssd = recentRmssd / rmssdRatio;
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
        method: 'Root mean squared successive difference, last 4 weeks vs the 8 weeks before, log-ratio test',
        numbers: {
          recentRmssd: round(recentRmssd),
          baselineRmssd: round(baselineRmssd),
          ratio: round(rmssdRatio),
          z: round(test.z),
          p: Number(test.p.toPrecision(3)),
          recentPairs: recent.length,
          baselinePairs: baseline.length,
        },
        coverage: dayCoverage(series.loggedDays, recentStart, asOfDay, context.paused, true),
      },
    },
  ];
}
