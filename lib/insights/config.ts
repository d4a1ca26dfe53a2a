/** Bumped whenever a detector's logic or a default below changes, so stored insights can be recomputed. */
export const ENGINE_VERSION = '1.6.0';

/**
 * Detection defaults. Mood is on a 1–10 scale; effect sizes are in points of that scale. They are
 * judged against the person's own baseline and variability, and multiplied per client by the
 * sensitivity factor that dismissals raise.
 */
export const DETECTION = {
  /** Days of history the change detectors look back over. */
  lookbackDays: 120,
  /** Baseline before a change: at least this many logged days. */
  minBaselineDays: 14,
  /** After a change: at least this many logged days before it is reported. */
  minPostChangeDays: 7,
  /** A change stays reportable this long after its onset; then it is the new normal. */
  recentChangeDays: 56,
  /** Smallest change in mean mood worth a clinician's attention, in points. */
  minChangePoints: 1.25,
  /** …and in units of the person's own day-to-day spread. */
  minChangeInSpreads: 1,
  /** …and in steps of the person's own answer scale (`answerStep`: 1 for whole numbers, about 2 for five levels). */
  minChangeInSteps: 0.85,
  /** Significance for the change (two-sided, autocorrelation-corrected). */
  changeAlpha: 0.0003,
  /** A fitted transition shorter than this is a shift; longer is a trend. */
  shiftMaxTransitionDays: 7,
  /** Trend test window. */
  trendWindowDays: 28,
  minTrendDays: 14,
  volatilityWindowDays: 28,
  /** Swings that began more than four weeks ago have leaked into that baseline; six weeks against the 8 before is asked too. */
  volatilityLongWindowDays: 42,
  volatilityBaselineDays: 56,
  /** Logged days needed in the last 4 weeks and in the 8 weeks before. */
  minVolatilityRecentDays: 14,
  minVolatilityBaselineDays: 28,
  minVolatilityRatio: 1.5,
  volatilityAlpha: 0.001,
  lowRunMinDays: 7,
  lowRunBelowMedianPoints: 2,
  lowRunRecentDays: 7,
  disengagementMinGapDays: 7,
  /** An engaged history, needed before silence is a signal: 14 check-ins in these days. */
  disengagementHistoryDays: 90,
  /** The person's usual gap is read from the completed gaps of this past year (`usualLongestGap`). */
  usualGapHistoryDays: 365,
  /** Silence is unusual once it is this many times the person's longest usual gap… */
  usualGapFactor: 1.5,
  /** …but never later than this: a default questionnaire cadence plus the week's grace the overdue signal allows. */
  maxSilenceDays: 21,
  measureGraceDays: 7,
  defaultMeasureCadenceDays: 14,
  associationWindowDays: 90,
  minAssociationPairs: 28,
  minAssociationRho: 0.35,
  associationAlpha: 0.001,
  weekdayWindowDays: 84,
  minWeekdayObservations: 4,
  minWeekdayEffectPoints: 0.75,
  weekdayAlpha: 0.001,
  crisisRecentDays: 14,
  /** Prior insight windows this close count as the same event when reconciling keys. */
  reconcileToleranceDays: 21,
} as const;
