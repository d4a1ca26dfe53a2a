import { totalScore } from '../clinical/scoring';
import { resolveThresholds } from '../clinical/thresholds';
import { DETECTION, ENGINE_VERSION } from './config';
import { buildDailySeries, pausedDaySet } from './daily-series';
import { toDay, toIsoDate, shortDate } from './dates';
import { detectChangeEpisode } from './detectors/change-episode';
import type { AnalysisContext, Detection, Detector, ScoredMeasure } from './detectors/context';
import { detectDisengagement } from './detectors/disengagement';
import { detectLowRun } from './detectors/low-run';
import { detectMeasureChanges } from './detectors/measures';
import { detectRisk } from './detectors/risk';
import { detectSleepMood } from './detectors/sleep-mood';
import { detectVolatility } from './detectors/volatility';
import { detectWeekday } from './detectors/weekday';
import { insightKey, reconcileKey } from './keys';
import { sensitivityFor, type Sensitivity } from './sensitivity';
import type { Direction, EngineInput, Insight, InsightKind, MeasureResponseInput, Severity } from './types';

const DETECTORS: readonly Detector[] = [
  detectRisk,
  detectChangeEpisode,
  detectVolatility,
  detectLowRun,
  detectDisengagement,
  detectMeasureChanges,
  detectSleepMood,
  detectWeekday,
];

const SEVERITY_ORDER: Record<Severity, number> = { urgent: 0, attention: 1, info: 2 };

function scoreMeasures(responses: readonly MeasureResponseInput[], asOfDay: number): ScoredMeasure[] {
  return responses
    .map((r) => ({ instrument: r.instrument, day: toDay(r.completedAt), items: r.items, total: totalScore(r.instrument, r.items) }))
    .filter((m) => m.day <= asOfDay)
    .sort((a, b) => a.day - b.day || a.instrument.localeCompare(b.instrument) || a.total - b.total);
}

/** A low run inside a worsening episode is part of that episode's story, not a second alarm. */
function foldLowRuns(detections: readonly Detection[]): Detection[] {
  const episodes = detections.filter((d) => (d.kind === 'decline' || d.kind === 'shift') && d.direction === 'worsening');
  return detections.flatMap((d) => {
    if (d.kind !== 'low_run') return [d];
    const host = episodes.find((e) => e.startDay <= d.endDay && d.startDay <= e.endDay);
    if (!host) return [d];
    host.evidence.notes = [
      ...(host.evidence.notes ?? []),
      `Includes a run of ${d.evidence.numbers.runDays} low days from ${shortDate(d.startDay)}.`,
    ];
    return [];
  });
}

const sensitivityKey = (kind: InsightKind, direction: Direction) => `${kind}:${direction}`;

/**
 * The context every detector reads, and the sensitivities they asked of it so far (by kind and
 * direction): a finding says "shown less often" only where its detector asked, so questionnaire and
 * risk findings, whose detectors never ask, claim nothing after a dismissal.
 */
function contextAndAskedSensitivities(input: EngineInput): { context: AnalysisContext; asked: ReadonlyMap<string, Sensitivity> } {
  const asOfDay = toDay(input.asOf);
  const reviews = input.reviews ?? [];
  const asked = new Map<string, Sensitivity>();
  const sensitivity = (kind: InsightKind, direction: Direction): Sensitivity => {
    const key = sensitivityKey(kind, direction);
    const known = asked.get(key);
    if (known) return known;
    const computed = sensitivityFor(kind, direction, reviews, asOfDay);
    asked.set(key, computed);
    return computed;
  };
  const context: AnalysisContext = {
    asOfDay,
    series: buildDailySeries(input.checkIns, asOfDay),
    paused: pausedDaySet(input.pauses ?? [], asOfDay),
    thresholds: resolveThresholds(input.thresholds),
    measures: scoreMeasures(input.measures ?? [], asOfDay),
    riskLanguageHits: (input.riskLanguageHits ?? []).map((h) => ({ day: toDay(h.date), source: h.source })),
    measureCadenceDays: input.measureCadenceDays ?? DETECTION.defaultMeasureCadenceDays,
    sensitivity,
  };
  return { context, asked };
}

/** The validated, as-of-cut view of one client's data that every detector reads. */
export function analysisContext(input: EngineInput): AnalysisContext {
  return contextAndAskedSensitivities(input).context;
}

/**
 * The insights engine: one client's data in, that client's current insights out, sorted by
 * severity, recency, kind and key. Pure and deterministic: no clock, no randomness, no I/O.
 * An insight absent from a recompute is a pattern that has resolved.
 */
export function computeInsights(input: EngineInput): Insight[] {
  const { context, asked } = contextAndAskedSensitivities(input);
  const reviews = input.reviews ?? [];
  const detections = foldLowRuns(DETECTORS.flatMap((detect) => detect(context)));
  const insights = detections.map((d): Insight => {
    const window = { start: toIsoDate(d.startDay), end: toIsoDate(d.endDay) };
    const key = reconcileKey(
      insightKey(d.kind, d.anchorDay, d.subject),
      window,
      input.priorInsights ?? [],
      reviews,
      DETECTION.reconcileToleranceDays,
    );
    const note = d.sensitivity ?? asked.get(sensitivityKey(d.kind, d.direction))?.note;
    return {
      key,
      kind: d.kind,
      severity: d.severity,
      direction: d.direction,
      window,
      summary: d.summary,
      evidence: d.evidence,
      ...(note ? { sensitivity: note } : {}),
      engineVersion: ENGINE_VERSION,
    };
  });
  return insights.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      b.window.end.localeCompare(a.window.end) ||
      a.kind.localeCompare(b.kind) ||
      a.key.localeCompare(b.key),
  );
}
