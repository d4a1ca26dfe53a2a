/** Bumped whenever a detector's logic or a default below changes, so stored insights can be recomputed. */
export const ENGINE_VERSION = '1.9.0';

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
  /** Swings that began more than four weeks ago have leaked into that baseline; six weeks against the baseline before them is asked too. */
  volatilityLongWindowDays: 42,
  /**
   * The person's usual swings: up to 20 weeks before the compared window (at least
   * `minVolatilityBaselineDays` logged). A longer baseline estimates the usual spread with less
   * noise, so the same α (volatilityAlpha) finds more; each test's nominal error rate is unchanged
   * (a one-sided likelihood-ratio test at p < 0.001), and the synthetic controls check the rest.
   * Chosen on the synthetic clients of `eval:insights --seeds tuning` (replaying the volatility
   * detector alone): 8, 14, 16, 20 and 24 weeks found 42, 47, 48, 50 and 48 of 60 Daylio-shaped
   * bursts with 3, 5, 4, 4 and 4 alarms on 100 control years; whole-number diaries: 8, 16, 20 and 24
   * weeks found 51, 56, 59 and 58 of 60 with 6, 5, 3 and 3 alarms. Held out, Daylio-shaped controls
   * raised 4 → 8 volatility alarms (lib/insights/README.md, 1.7.0). A shorter history is used as it is.
   */
  volatilityBaselineDays: 140,
  /** Usual mood (definitions.ts): the 8 weeks before the last 7 days. */
  usualMoodBaselineDays: 56,
  /** Logged days needed in the last 4 weeks and in the baseline before them. */
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
