import type { Instrument } from '../clinical/instruments';
import type { ClinicalThresholdOverrides } from '../clinical/thresholds';

/** A calendar date in the client's own time zone, `YYYY-MM-DD`. */
export type IsoDate = string;

export const INSIGHT_KINDS = [
  'decline',
  'improvement',
  'shift',
  'volatility',
  'low_run',
  'disengagement',
  'band_change',
  'reliable_change',
  'recovery',
  'reliable_recovery',
  'response',
  'remission',
  'item9',
  'crisis_language',
  'sleep_mood',
  'weekday',
] as const;

export type InsightKind = (typeof INSIGHT_KINDS)[number];
export type Severity = 'info' | 'attention' | 'urgent';
export type Direction = 'worsening' | 'improving' | 'neutral';

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

export interface EngineCheckIn {
  localDate: IsoDate;
  /** 1–10; several check-ins on one day are averaged. */
  mood: number;
  anxiety?: number | null;
  energy?: number | null;
  sleepHours?: number | null;
}

export interface MeasureResponseInput {
  instrument: Instrument;
  /** Scored answers only (9 for PHQ-9, 7 for GAD-7), each 0–3. */
  items: readonly number[];
  /** Local date, or an ISO timestamp whose first ten characters are the local date. */
  completedAt: string;
}

export interface PauseInput {
  start: IsoDate;
  /** Inclusive; null while the pause is open-ended. */
  end: IsoDate | null;
}

/** Free text a client wrote that the risk-language screen flagged: the day and where, never the words. */
export interface RiskLanguageHitInput {
  date: IsoDate;
  source: RiskLanguageSource;
}

export type RiskLanguageSource = 'journal' | 'check_in_note';

export type ReviewOutcome = 'accepted' | 'dismissed' | 'snoozed';

export interface ReviewInput {
  kind: InsightKind;
  /** The reviewed insight's direction: a dismissed improving shift says nothing of a worsening one. */
  direction: Direction;
  key: string;
  outcome: ReviewOutcome;
  reason?: string | null;
  date: IsoDate;
}

/** An insight already stored for this client, so a recomputed detection keeps its key. */
export interface PriorInsightInput {
  key: string;
  kind: InsightKind;
  window: DateWindow;
}

export interface EngineInput {
  asOf: IsoDate;
  checkIns: readonly EngineCheckIn[];
  measures?: readonly MeasureResponseInput[];
  pauses?: readonly PauseInput[];
  riskLanguageHits?: readonly RiskLanguageHitInput[];
  reviews?: readonly ReviewInput[];
  priorInsights?: readonly PriorInsightInput[];
  thresholds?: ClinicalThresholdOverrides;
  /** The therapist's questionnaire cadence for this client (docs/design.md §3: default 14 days). */
  measureCadenceDays?: number;
}

export interface Coverage {
  loggedDays: number;
  windowDays: number;
  text: string;
}

export interface Evidence {
  method: string;
  numbers: Record<string, number>;
  coverage: Coverage;
  notes?: string[];
}

export interface SensitivityNote {
  dismissedCount: number;
  /** Multiplier applied to this kind's effect-size threshold for this client. */
  thresholdFactor: number;
  note: string;
}

export interface Insight {
  key: string;
  kind: InsightKind;
  severity: Severity;
  direction: Direction;
  window: DateWindow;
  summary: string;
  evidence: Evidence;
  sensitivity?: SensitivityNote;
  engineVersion: string;
}
