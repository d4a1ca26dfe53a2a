import type { Instrument } from '../../clinical/instruments';
import type { ClinicalThresholds } from '../../clinical/thresholds';
import type { DailySeries } from '../daily-series';
import type { Sensitivity } from '../sensitivity';
import type { Direction, Evidence, InsightKind, RiskLanguageSource, SensitivityNote, Severity } from '../types';

export interface ScoredMeasure {
  instrument: Instrument;
  day: number;
  items: readonly number[];
  total: number;
}

/** Everything a detector may read, already validated and cut at the as-of date. */
export interface AnalysisContext {
  asOfDay: number;
  series: DailySeries;
  paused: ReadonlySet<number>;
  thresholds: ClinicalThresholds;
  /** Sorted by day, then instrument. */
  measures: readonly ScoredMeasure[];
  riskLanguageHits: readonly { day: number; source: RiskLanguageSource }[];
  measureCadenceDays: number;
  /** What this client's dismissals of the kind, in that direction, do to its bar (sensitivity.ts). */
  sensitivity: (kind: InsightKind, direction: Direction) => Sensitivity;
}

/** A detector's finding before it gets its key and engine version. */
export interface Detection {
  kind: InsightKind;
  severity: Severity;
  direction: Direction;
  /** The day that identifies the event (its onset), for the stable key. */
  anchorDay: number;
  subject?: string;
  startDay: number;
  endDay: number;
  summary: string;
  evidence: Evidence;
  /**
   * What the dismissals did to this finding, when it is not what `sensitivityFor` says for its kind
   * and direction (a bar that dismissals could not raise); absent, that note stands.
   */
  sensitivity?: SensitivityNote;
}

export type Detector = (context: AnalysisContext) => Detection[];

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
