import { DETECTION } from '../config';
import { dayCoverage } from '../coverage';
import { between, type DayValue } from '../daily-series';
import { shortDate } from '../dates';
import { median, quantile } from '../stats/descriptive';
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
 * "Low" for this person just before `day`: at or below both their 5th percentile and their median
 * minus two points (times the sensitivity factor) over the previous eight weeks.
 */
function cutoffBefore(all: readonly DayValue[], day: number, factor: number): Cutoff | null {
  const base = between(all, day - BASELINE_DAYS, day - 1).map((p) => p.value);
  if (base.length < MIN_BASELINE_VALUES) return null;
  const baselineMedian = median(base);
  return { value: Math.min(quantile(base, 0.05), baselineMedian - DETECTION.lowRunBelowMedianPoints * factor), baselineMedian };
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
    if (run.some((p) => p.value > cutoff.value)) {
      if (first.value > cutoff.value) break;
      continue;
    }
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
  const factor = context.sensitivity('low_run').factor;
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
