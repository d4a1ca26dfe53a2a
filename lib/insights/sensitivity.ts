import { toDay } from './dates';
import type { InsightKind, ReviewInput, SensitivityNote } from './types';

/** Risk signals are never dampened: a dismissed item-9 answer must still reach the therapist. */
const NEVER_DAMPENED: ReadonlySet<InsightKind> = new Set(['item9', 'crisis_language']);

/** Feedback older than a year stops counting, so a client is not muted forever. */
const MEMORY_DAYS = 365;
const STEP_PER_DISMISSAL = 0.25;
const MAX_COUNTED_DISMISSALS = 4;

/**
 * Kinds that are one detector's labels for one finding: a change in level is a shift, a decline or
 * an improvement depending on the fit's shape, and the label can be revised as data arrive. A
 * dismissal of one says "changes of this size are not news for this person" and counts for all.
 */
const FAMILIES: readonly (readonly InsightKind[])[] = [['shift', 'decline', 'improvement']];

function family(kind: InsightKind): readonly InsightKind[] {
  return FAMILIES.find((f) => f.includes(kind)) ?? [kind];
}

export interface Sensitivity {
  factor: number;
  note?: SensitivityNote;
}

/**
 * Each dismissal of a kind (or of its family) for this client in the past year raises that kind's
 * effect-size threshold by a quarter, up to double, and the insight says so.
 */
export function sensitivityFor(kind: InsightKind, reviews: readonly ReviewInput[], asOfDay: number): Sensitivity {
  if (NEVER_DAMPENED.has(kind)) return { factor: 1 };
  const kinds = family(kind);
  const dismissedCount = reviews.filter((r) => kinds.includes(r.kind) && r.outcome === 'dismissed' && asOfDay - toDay(r.date) <= MEMORY_DAYS && toDay(r.date) <= asOfDay).length;
  if (dismissedCount === 0) return { factor: 1 };
  const factor = 1 + STEP_PER_DISMISSAL * Math.min(dismissedCount, MAX_COUNTED_DISMISSALS);
  const times = dismissedCount === 1 ? 'once' : `${dismissedCount} times`;
  return {
    factor,
    note: { dismissedCount, thresholdFactor: factor, note: `Shown less often for this client: dismissed ${times} in the past year.` },
  };
}
