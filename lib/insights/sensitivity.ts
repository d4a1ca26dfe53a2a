import { toDay } from './dates';
import type { Direction, InsightKind, ReviewInput, SensitivityNote } from './types';

/**
 * Risk signals are never dampened: a dismissed item-9 answer must still reach the therapist.
 * (Questionnaire findings keep their published thresholds too: their detectors never ask for a
 * sensitivity, and the engine notes one only where a detector asked.)
 */
const NEVER_DAMPENED: ReadonlySet<InsightKind> = new Set(['item9', 'crisis_language']);

/** Feedback older than a year stops counting, so a client is not muted forever. */
const MEMORY_DAYS = 365;
const STEP_PER_DISMISSAL = 0.25;
const MAX_COUNTED_DISMISSALS = 4;

const times = (count: number): string => (count === 1 ? 'once' : `${count} times`);

export interface Sensitivity {
  factor: number;
  note?: SensitivityNote;
}

/**
 * Each dismissal of a kind for this client in the past year raises that kind's effect-size
 * threshold by a quarter, up to double, and the insight says so. Only dismissals in the same
 * direction count: a shift is the one kind found both ways, and a therapist who dismisses a rise
 * in mood as noise has not said that a fall is (safety first: a worsening change must not be harder
 * to see because an improvement was dismissed; declines and improvements are already apart).
 */
export function sensitivityFor(kind: InsightKind, direction: Direction, reviews: readonly ReviewInput[], asOfDay: number): Sensitivity {
  if (NEVER_DAMPENED.has(kind)) return { factor: 1 };
  const dismissedCount = reviews.filter(
    (r) =>
      r.kind === kind &&
      r.direction === direction &&
      r.outcome === 'dismissed' &&
      asOfDay - toDay(r.date) <= MEMORY_DAYS &&
      toDay(r.date) <= asOfDay,
  ).length;
  if (dismissedCount === 0) return { factor: 1 };
  const factor = 1 + STEP_PER_DISMISSAL * Math.min(dismissedCount, MAX_COUNTED_DISMISSALS);
  return {
    factor,
    note: {
      dismissedCount,
      thresholdFactor: factor,
      note: `Shown less often for this client: dismissed ${times(dismissedCount)} in the past year.`,
    },
  };
}

/**
 * The note for a finding whose bar the dismissals could not raise because a safety ceiling holds it
 * (`why`, a sentence): it says the finding is shown as before, rather than "less often".
 */
export function heldByCeiling(note: SensitivityNote, why: string): SensitivityNote {
  return {
    dismissedCount: note.dismissedCount,
    thresholdFactor: 1,
    note: `Dismissed ${times(note.dismissedCount)} in the past year, but shown as before: ${why}`,
  };
}
