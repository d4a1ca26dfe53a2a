import type { Instrument } from './instruments';
import type { ClinicalThresholds } from './thresholds';

export function isCase(instrument: Instrument, total: number, thresholds: ClinicalThresholds): boolean {
  return total >= thresholds.caseness[instrument];
}

export interface OutcomeAssessment {
  instrument: Instrument;
  first: number;
  latest: number;
  /** latest − first: negative is improvement on both questionnaires. */
  change: number;
  wasCase: boolean;
  isCase: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  /** Case at the first measure, below caseness at the latest. */
  recovery: boolean;
  /** Recovery together with reliable improvement. */
  reliableRecovery: boolean;
  /** PHQ-9 only, and only for a first score in the clinical range; otherwise null. */
  response: boolean | null;
  remission: boolean | null;
}

/**
 * Outcome of one questionnaire between the first and latest scores, per the NHS Talking Therapies
 * manual (caseness, reliable change, recovery, reliable recovery) and common measurement-based-care
 * definitions (response, remission). This is per questionnaire; the manual's service-level
 * recovery pairs PHQ-9 with an anxiety measure.
 */
export function assessOutcome(instrument: Instrument, first: number, latest: number, thresholds: ClinicalThresholds): OutcomeAssessment {
  const change = latest - first;
  const wasCase = isCase(instrument, first, thresholds);
  const nowCase = isCase(instrument, latest, thresholds);
  const reliable = thresholds.reliableChange[instrument];
  const reliableImprovement = -change >= reliable;
  const recovery = wasCase && !nowCase;
  // Response and remission only mean something for someone who started with depression.
  const appliesToPhq9 = instrument === 'phq9' && wasCase;
  return {
    instrument,
    first,
    latest,
    change,
    wasCase,
    isCase: nowCase,
    reliableImprovement,
    reliableDeterioration: change >= reliable,
    recovery,
    reliableRecovery: recovery && reliableImprovement,
    response: appliesToPhq9 ? -change >= thresholds.responseFall * first : null,
    remission: appliesToPhq9 ? latest < thresholds.remissionBelow : null,
  };
}
