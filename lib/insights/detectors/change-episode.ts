import { detectLevelShifts } from '../changepoint/level-shifts';
import { dayCoverage } from '../coverage';
import { between, type DayValue } from '../daily-series';
import { shortDate } from '../dates';
import { DETECTION } from '../config';
import { autocorrelationVarianceFactor, lag1Autocorrelation } from '../stats/autocorrelation';
import { fitBrokenStick, type BrokenStickFit } from '../stats/broken-stick';
import { mean, standardDeviation } from '../stats/descriptive';
import { mannKendall } from '../stats/mann-kendall';
import { twoSidedNormalP } from '../stats/normal';
import { theilSen } from '../stats/theil-sen';
import { round, type AnalysisContext, type Detection } from './context';

function residualAutocorrelation(points: readonly DayValue[], changes: readonly number[]): number {
  const bounds = [0, ...changes, points.length];
  const residuals: DayValue[] = [];
  for (let s = 0; s + 1 < bounds.length; s += 1) {
    const segment = points.slice(bounds[s], bounds[s + 1]);
    const m = mean(segment.map((p) => p.value));
    for (const p of segment) residuals.push({ day: p.day, value: p.value - m });
  }
  return lag1Autocorrelation(residuals);
}

/**
 * Lag-1 autocorrelation of the baseline's days around their own mean: the person's usual
 * carry-over from one day to the next, read from the days the change is compared against.
 */
function baselineAutocorrelation(baseline: readonly DayValue[]): number {
  const m = mean(baseline.map((p) => p.value));
  return lag1Autocorrelation(baseline.map((p) => ({ day: p.day, value: p.value - m })));
}

function fitResiduals(points: readonly DayValue[], fit: BrokenStickFit): DayValue[] {
  const shape = (day: number) => (day <= fit.onset ? 0 : day >= fit.settled ? 1 : (day - fit.onset) / (fit.settled - fit.onset));
  return points.map((p) => ({ day: p.day, value: p.value - fit.before - fit.change * shape(p.day) }));
}

interface TrendTest {
  slope: number;
  p: number;
}

/** Theil–Sen slope and Mann–Kendall p over the last four weeks (ties and autocorrelation corrected). */
function recentTrend(points: readonly DayValue[], asOfDay: number, phi: number): TrendTest | null {
  const window = between(points, asOfDay - DETECTION.trendWindowDays + 1, asOfDay);
  if (window.length < DETECTION.minTrendDays) return null;
  const values = window.map((p) => p.value);
  const mk = mannKendall(values, autocorrelationVarianceFactor(phi, values.length));
  return {
    slope: theilSen(
      window.map((p) => p.day),
      values,
    ).slope,
    p: mk.p,
  };
}

/**
 * A ramp has one parameter more than a step; it is preferred only when it explains enough more
 * variance: F = (RSS_step − RSS_ramp) / (RSS_ramp / (n − 4)) above 4, about the 5 % point of F(1, n).
 */
const RAMP_F = 4;

/** A ramp that reaches its new level within this many days of today is still under way. */
const ONGOING_DAYS = 3;

/**
 * Sustained change in mood against the person's own baseline: one episode, fitted as flat →
 * transition → flat. A transition under a week is a level shift; a longer one is a decline or an
 * improvement. Reports at most one episode, the current one.
 */
export function detectChangeEpisode(context: AnalysisContext): Detection[] {
  const { asOfDay, series } = context;
  const points = between(series.mood, asOfDay - DETECTION.lookbackDays + 1, asOfDay);
  if (points.length < DETECTION.minBaselineDays + DETECTION.minPostChangeDays) return [];
  // Change points older than the recent window bound the current baseline: before them the person was elsewhere.
  const changes = detectLevelShifts([points.map((p) => p.value)]);
  const older = changes.filter((i) => (points[i] as DayValue).day <= asOfDay - DETECTION.recentChangeDays);
  const span = points.slice(older[older.length - 1] ?? 0);
  const xs = span.map((p) => p.day);
  const ys = span.map((p) => p.value);
  const firstRecent = span.findIndex((p) => p.day > asOfDay - DETECTION.recentChangeDays);
  if (firstRecent < 0) return [];
  const minOnset = Math.max(DETECTION.minBaselineDays - 1, firstRecent);
  const ramp = fitBrokenStick(xs, ys, minOnset, 1);
  const step = fitBrokenStick(xs, ys, minOnset, 1, 1);
  if (!ramp || !step) return [];
  const rampWins = (step.rss - ramp.rss) / (ramp.rss / Math.max(span.length - 4, 1)) > RAMP_F;
  const fit = rampWins && ramp.settled - ramp.onset > DETECTION.shiftMaxTransitionDays ? ramp : step;
  const baselineDays = span.filter((p) => p.day <= fit.onset);
  const baseline = baselineDays.map((p) => p.value);
  const after = span.filter((p) => p.day > fit.onset);
  const settled = span.filter((p) => p.day >= fit.settled).map((p) => p.value);
  const firstChanged = after[0];
  if (!firstChanged || baseline.length < DETECTION.minBaselineDays || after.length < DETECTION.minPostChangeDays) return [];

  const isShift = fit === step;
  const direction = fit.change < 0 ? 'worsening' : 'improving';
  const kind = isShift ? 'shift' : direction === 'worsening' ? 'decline' : 'improvement';
  const sensitivity = context.sensitivity(kind, direction);
  const spread = Math.max(standardDeviation(baseline), 0.5);
  // Most of a step of the person's own answer scale: on a five-level diary a smaller change in the
  // mean is the person moving between two adjacent answers a little more often, which chance does.
  const threshold =
    Math.max(DETECTION.minChangePoints, DETECTION.minChangeInSpreads * spread, DETECTION.minChangeInSteps * series.moodStep) *
    sensitivity.factor;
  if (Math.abs(fit.change) < threshold) return [];

  // z for the change in mean since onset: residual spread, widened for autocorrelation. Around a
  // ramp, PELT's steps leave the ramp itself in the residuals and would overstate it, so a ramp's
  // autocorrelation is read around the ramp. On a diary of a few answer levels (a step above one
  // point) a step or ramp fitted to a change leaves more of it unexplained (five levels cannot
  // follow a gradual change), which reads as carry-over and widened each such change's own error
  // bar two- to fourfold: there the carry-over is read from the baseline alone (engine 1.8.0;
  // lib/insights/README.md).
  const phi = Math.max(
    0,
    series.moodStep > 1
      ? baselineAutocorrelation(baselineDays)
      : isShift
        ? residualAutocorrelation(points, changes)
        : lag1Autocorrelation(fitResiduals(span, fit)),
  );
  const residualSd = Math.sqrt(fit.rss / Math.max(span.length - 4, 1));
  const vif = autocorrelationVarianceFactor(phi, after.length);
  const baselineMean = mean(baseline);
  const recentMean = mean(after.map((p) => p.value));
  const se = residualSd * Math.sqrt(vif * (1 / after.length + 1 / baseline.length));
  const z = (recentMean - baselineMean) / Math.max(se, 1e-9);
  const p = twoSidedNormalP(z);
  if (p >= DETECTION.changeAlpha || Math.sign(z) !== Math.sign(fit.change)) return [];
  const trend = recentTrend(points, asOfDay, phi);

  const levelAfter = fit.before + fit.change;
  const from = round(fit.before, 1);
  const to = round(settled.length > 0 ? mean(settled) : levelAfter, 1);
  const since = shortDate(firstChanged.day);
  const isOngoing = fit.settled >= asOfDay - ONGOING_DAYS;
  const lowerOrHigher = direction === 'worsening' ? 'lower' : 'higher';
  let summary = `Mood has been ${lowerOrHigher} since about ${since}: around ${to}, against ${from} before.`;
  if (!isShift && isOngoing) {
    summary = `Mood has been ${direction === 'worsening' ? 'declining' : 'improving'} since about ${since}, from around ${from} to ${round(levelAfter, 1)}.`;
  } else if (!isShift) {
    summary = `Mood ${direction === 'worsening' ? 'declined' : 'improved'} from around ${from} to ${to} between ${since} and ${shortDate(fit.settled)}, and has stayed ${lowerOrHigher} since.`;
  }
  const numbers: Record<string, number> = {
    baselineMean: round(baselineMean),
    recentMean: round(recentMean),
    fittedChange: round(fit.change),
    transitionDays: fit.settled - fit.onset,
    personalSpread: round(spread),
    answerStep: round(series.moodStep),
    z: round(z),
    p: Number(p.toPrecision(3)),
    lag1Autocorrelation: round(phi),
    baselineDays: baseline.length,
    loggedDaysSinceChange: after.length,
  };
  if (trend) {
    numbers.theilSenSlopePerDay = round(trend.slope, 3);
    numbers.mannKendallP = Number(trend.p.toPrecision(3));
  }
  const shape = isShift ? 'flat–step–flat' : 'flat–ramp–flat';
  const carryOver = series.moodStep > 1 ? 'autocorrelation read from the baseline' : 'autocorrelation-corrected';
  const method = `${shape} least-squares fit of daily mood; z test of the change against the person's own baseline, ${carryOver} (PELT change points bound the baseline); last 4 weeks: Theil–Sen slope and Mann–Kendall p corrected for ties and autocorrelation`;
  return [
    {
      kind,
      severity: direction === 'worsening' ? 'attention' : 'info',
      direction,
      anchorDay: firstChanged.day,
      startDay: firstChanged.day,
      endDay: asOfDay,
      summary,
      evidence: {
        method,
        numbers,
        coverage: dayCoverage(series.loggedDays, firstChanged.day, asOfDay, context.paused, true),
      },
    },
  ];
}
