import type { Instrument } from './instruments';

export interface ClinicalThresholds {
  /** A score at or above this is in the clinical range ("caseness"). */
  caseness: Record<Instrument, number>;
  /** Smallest score change counted as reliable (beyond measurement error). */
  reliableChange: Record<Instrument, number>;
  /** PHQ-9 response: a fall of at least this share of the first score. */
  responseFall: number;
  /** PHQ-9 remission: latest score strictly below this. */
  remissionBelow: number;
}

export const DEFAULT_CLINICAL_THRESHOLDS: ClinicalThresholds = {
  // Caseness PHQ-9 ≥ 10, GAD-7 ≥ 8: NHS Talking Therapies (IAPT) manual.
  caseness: { phq9: 10, gad7: 8 },
  // Reliable change PHQ-9 ≥ 6, GAD-7 ≥ 4 points: NHS Talking Therapies (IAPT) manual.
  reliableChange: { phq9: 6, gad7: 4 },
  // Response = ≥ 50 % fall, remission = PHQ-9 < 5: common measurement-based-care definitions.
  responseFall: 0.5,
  remissionBelow: 5,
};

export interface ClinicalThresholdOverrides {
  caseness?: Partial<Record<Instrument, number>>;
  reliableChange?: Partial<Record<Instrument, number>>;
  responseFall?: number;
  remissionBelow?: number;
}

/** A clinic's thresholds: its overrides on top of the defaults above. */
export function resolveThresholds(overrides: ClinicalThresholdOverrides = {}): ClinicalThresholds {
  const d = DEFAULT_CLINICAL_THRESHOLDS;
  return {
    caseness: { ...d.caseness, ...overrides.caseness },
    reliableChange: { ...d.reliableChange, ...overrides.reliableChange },
    responseFall: overrides.responseFall ?? d.responseFall,
    remissionBelow: overrides.remissionBelow ?? d.remissionBelow,
  };
}
