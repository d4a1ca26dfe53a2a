import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between } from '../daily-series';
import { mean, median } from '../stats/descriptive';
import { spearman } from '../stats/spearman';
import { round, type AnalysisContext, type Detection } from './context';

/**
 * Sleep–mood association over the last 90 days: Spearman's ρ between the sleep hours logged with
 * a day's check-in and that day's mood, with n and the mood difference between longer- and
 * shorter-sleep days. An association only: the wording makes no causal claim.
 */
export function detectSleepMood(context: AnalysisContext): Detection[] {
  const { asOfDay, series } = context;
  const from = asOfDay - DETECTION.associationWindowDays + 1;
  const moodByDay = new Map(between(series.mood, from, asOfDay).map((p) => [p.day, p.value]));
  const pairs = between(series.sleepHours, from, asOfDay)
    .filter((p) => moodByDay.has(p.day))
    .map((p) => ({ day: p.day, sleep: p.value, mood: moodByDay.get(p.day) as number }));
  if (pairs.length < DETECTION.minAssociationPairs) return [];
  const sleep = pairs.map((p) => p.sleep);
  const test = spearman(
    sleep,
    pairs.map((p) => p.mood),
  );
  const sensitivity = context.sensitivity('sleep_mood', 'neutral');
  if (Math.abs(test.rho) < DETECTION.minAssociationRho * sensitivity.factor || test.p >= DETECTION.associationAlpha) return [];
  const cut = median(sleep);
  const longer = pairs.filter((p) => p.sleep > cut).map((p) => p.mood);
  const shorter = pairs.filter((p) => p.sleep <= cut).map((p) => p.mood);
  if (longer.length === 0 || shorter.length === 0) return [];
  const isPositive = test.rho > 0;
  const difference = mean(longer) - mean(shorter);
  return [
    {
      kind: 'sleep_mood',
      severity: 'info',
      direction: 'neutral',
      anchorDay: pairs[0]?.day ?? from,
      subject: isPositive ? 'positive' : 'negative',
      startDay: from,
      endDay: asOfDay,
      summary: `Over the last ${DETECTION.associationWindowDays} days, mood tended to be ${isPositive ? 'higher' : 'lower'} on days logged with more than ${round(cut, 1)} hours of sleep (${round(mean(longer), 1)} vs ${round(mean(shorter), 1)}; ρ = ${round(test.rho)}, n = ${test.n}).`,
      evidence: {
        method: "Spearman's rank correlation between logged sleep hours and same-day mood; association, not cause",
        numbers: {
          spearmanRho: round(test.rho),
          p: Number(test.p.toPrecision(3)),
          n: test.n,
          medianSleepHours: round(cut),
          moodAfterLongerSleep: round(mean(longer)),
          moodAfterShorterSleep: round(mean(shorter)),
          moodDifference: round(difference),
        },
        coverage: dayCoverage(
          pairs.map((p) => p.day),
          from,
          asOfDay,
          context.paused,
          true,
        ),
      },
    },
  ];
}
