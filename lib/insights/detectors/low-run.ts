import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between, type DayValue } from '../daily-series';
import { shortDate } from '../dates';
import { median, quantile, sortedCopy } from '../stats/descriptive';
import { round, type AnalysisContext, type Detection } from './context';

/** Missing one day does not break a run; missing two does. */
const MAX_STEP_DAYS = 2;
const BASELINE_DAYS = 56;
const MIN_BASELINE_VALUES = 21;

interface Cutoff {
  value: number;
  baselineMedian: number;
}

/**
 * With ties the 5th percentile can be a value the person gives often: on a five-level scale it is
 * the level below their usual one, given on a third of days. A cutoff is lowered until at most
 * this share of the baseline lies at or below it.
 */
const MAX_SHARE_AT_OR_BELOW = 0.1;

/**
 * "Low" for this person just before `day`: at or below both their 5th percentile and their median
 * minus two points (times the sensitivity factor) over the previous eight weeks, and a value at
 * most 10 % of those weeks' days reached (the next value down that is, or a point below their
 * lowest).
 */
function cutoffBefore(all: readonly DayValue[], day: number, factor: number): Cutoff | null {
  const base = sortedCopy(between(all, day - BASELINE_DAYS, day - 1).map((p) => p.value));
  if (base.length < MIN_BASELINE_VALUES) return null;
  const baselineMedian = median(base);
  let value = Math.min(quantile(base, 0.05), baselineMedian - DETECTION.lowRunBelowMedianPoints * factor);
  const atOrBelow = (cutoff: number) => base.filter((v) => v <= cutoff).length;
  while (atOrBelow(value) > MAX_SHARE_AT_OR_BELOW * base.length) {
    const lower = base.filter((v) => v < value);
    value = lower.length > 0 ? (lower[lower.length - 1] as number) : value - 1;
  }
  return { value, baselineMedian };
}

interface Run {
  points: DayValue[];
  cutoff: Cutoff;
}

/** The longest run ending at `endIndex` whose every day is low against the baseline before its first day. */
function runEndingAt(points: readonly DayValue[], endIndex: number, all: readonly DayValue[], factor: number): Run | null {
  let best: Run | null = null;
  for (let start = endIndex; start >= 0; start -= 1) {
    const first = points[start] as DayValue;
    const next = points[start + 1];
    if (next && start < endIndex && next.day - first.day > MAX_STEP_DAYS) break;
    const cutoff = cutoffBefore(all, first.day, factor);
    if (!cutoff) break;
    const run = points.slice(start, endIndex + 1);
    // A day at the usual median or above ends the search; one merely above a cutoff does not, since
    // a later start's baseline holds the run's own first days and can have a lower cutoff.
    if (first.value >= cutoff.baselineMedian) break;
    if (run.some((p) => p.value > cutoff.value)) continue;
    best = { points: run, cutoff };
  }
  return best && best.points.length >= DETECTION.lowRunMinDays ? best : null;
}

/**
 * A run of low days: at least a week of logged days in a row (one missed day allowed), each low
 * for this person (see cutoffBefore). Reported while ongoing or within a week of ending.
 */
export function detectLowRun(context: AnalysisContext): Detection[] {
  const { asOfDay, series } = context;
  const recent = between(series.mood, asOfDay - 2 * BASELINE_DAYS, asOfDay);
  const factor = context.sensitivity('low_run', 'worsening').factor;
  for (let end = recent.length - 1; end >= 0 && asOfDay - (recent[end] as DayValue).day <= DETECTION.lowRunRecentDays; end -= 1) {
    const run = runEndingAt(recent, end, series.mood, factor);
    if (run) return [toDetection(context, run)];
  }
  return [];
}

function toDetection(context: AnalysisContext, run: Run): Detection {
  const startDay = (run.points[0] as DayValue).day;
  const endDay = (run.points[run.points.length - 1] as DayValue).day;
  const runMedian = median(run.points.map((p) => p.value));
  return {
    kind: 'low_run',
    severity: 'attention',
    direction: 'worsening',
    anchorDay: startDay,
    startDay,
    endDay,
    summary: `${run.points.length} low days in a row since ${shortDate(startDay)}: mood around ${round(runMedian, 1)}, against a usual ${round(run.cutoff.baselineMedian, 1)}.`,
    evidence: {
      method: "Run of consecutive logged days at or below the person's 5th percentile and median − 2 over the 8 weeks before the run",
      numbers: {
        runDays: run.points.length,
        runMedian: round(runMedian),
        baselineMedian: round(run.cutoff.baselineMedian),
        cutoff: round(run.cutoff.value),
      },
      coverage: dayCoverage(context.series.loggedDays, startDay, endDay, context.paused, false),
    },
  };
}
