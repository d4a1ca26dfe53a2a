import { DETECTION } from './config';
import { shortDate, toDay } from './dates';
import { SIGMA_FLOOR } from './detectors/volatility';

// Evidence in a clinician's words: each line a labelled phrase with its unit and, where it has
// one, its date, built from the same stored numbers the engine computed, so a sentence can never
// disagree with the figures behind it. No variable names reach the page.

export type EvidenceInput = { kind: string; windowStart: string; windowEnd: string; numbers: Readonly<Record<string, number>> };

const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number, digits = 1) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/** A two-sided p as odds a clinician can weigh: "1 in 3,000", "fewer than 1 in 10,000". */
export function chanceText(p: number): string {
  if (p <= 0 || p < 1e-4) return 'fewer than 1 in 10,000';
  const odds = 1 / p;
  const rounded = odds >= 1000 ? Math.round(odds / 100) * 100 : odds >= 100 ? Math.round(odds / 10) * 10 : Math.round(odds);
  return `about 1 in ${rounded.toLocaleString('en-GB')}`;
}

function has(n: Readonly<Record<string, number>>, ...keys: string[]): boolean {
  return keys.every((k) => typeof n[k] === 'number' && Number.isFinite(n[k]));
}

function changeLines({ windowStart, numbers: n }: EvidenceInput): string[] {
  const since = shortDate(toDay(windowStart));
  const lines: string[] = [];
  if (has(n, 'recentMean', 'loggedDaysSinceChange'))
    lines.push(`Mean mood since ${since}: ${one(n.recentMean as number)} of 10, over ${days(n.loggedDaysSinceChange as number)} logged`);
  if (has(n, 'baselineMean', 'baselineDays'))
    lines.push(`Usual level before ${since}: ${one(n.baselineMean as number)}, the mean of ${days(n.baselineDays as number)} logged`);
  if (has(n, 'fittedChange', 'transitionDays')) {
    const shape = (n.transitionDays as number) <= 1 ? 'from one day to the next' : `over ${days(n.transitionDays as number)}`;
    lines.push(`Size of the change in the fitted shape: ${signed(n.fittedChange as number)} points, ${shape}`);
  }
  if (has(n, 'personalSpread')) lines.push(`This person's usual day-to-day spread: ${one(n.personalSpread as number)} points`);
  if (has(n, 'answerStep') && (n.answerStep as number) > 1) {
    const smallest = DETECTION.minChangeInSteps * (n.answerStep as number);
    lines.push(
      `This person answers in steps of about ${one(n.answerStep as number)} points (a diary with a few levels); a change under ${one(smallest)} points is not reported`,
    );
  }
  if (has(n, 'z', 'p')) {
    lines.push(
      `Confidence: the change is ${one(Math.abs(n.z as number))} times its standard error; a change this large without a real one: ${chanceText(n.p as number)}, allowing for day-to-day carry-over`,
    );
  }
  if (has(n, 'lag1Autocorrelation'))
    lines.push(`Day-to-day carry-over of mood (lag-1 autocorrelation): ${(n.lag1Autocorrelation as number).toFixed(2)}`);
  if (has(n, 'theilSenSlopePerDay', 'mannKendallP')) {
    lines.push(
      `Trend over the last 4 weeks: ${signed((n.theilSenSlopePerDay as number) * 7)} points a week; a trend this steady without a real one: ${chanceText(n.mannKendallP as number)}`,
    );
  }
  return lines;
}

/** A fitted spread; at the floor the answers allowed any smaller one (they stayed within neighbouring levels). */
const spread = (x: number) => (x <= SIGMA_FLOOR + 1e-9 ? `${one(SIGMA_FLOOR)} or less` : one(x));

function volatilityLines({ numbers: n }: EvidenceInput): string[] {
  const lines: string[] = [];
  // Insights stored before the six-week comparison carry no `windowDays`: theirs was four weeks.
  const weeks = (has(n, 'windowDays') ? (n.windowDays as number) : 28) / 7;
  // Insights stored before 1.7.0 carry no `baselineWindowDays`: theirs was eight weeks.
  const before = `the ${Math.round((has(n, 'baselineWindowDays') ? (n.baselineWindowDays as number) : 56) / 7)} weeks before`;
  if (has(n, 'recentRmssd', 'recentPairs'))
    lines.push(
      `Typical change from one day to the next, last ${weeks} weeks: ${one(n.recentRmssd as number)} points (${n.recentPairs} pairs of consecutive days)`,
    );
  if (has(n, 'baselineRmssd')) lines.push(`The same over ${before}: ${one(n.baselineRmssd as number)} points`);
  if (has(n, 'ratio')) lines.push(`Swings are ${(n.ratio as number).toFixed(1)} times as large as usual`);
  if (has(n, 'recentRangeChange', 'baselineRangeChange')) {
    const recent = n.recentRangeChange as number;
    const baseline = n.baselineRangeChange as number;
    lines.push(
      `Read from a diary with a few levels (each answer as the range of mood it stands for), typical change from one day to the next: ${spread(recent)} points in the last ${weeks} weeks against ${spread(baseline)} before, ${(recent / baseline).toFixed(1)} times as large`,
    );
  }
  if (has(n, 'recentSpread', 'baselineSpread', 'recentDays', 'baselineDays')) {
    lines.push(
      `Spread of mood (standard deviation, each answer read as the range of mood it stands for), last ${weeks} weeks: ${spread(n.recentSpread as number)} points over ${days(n.recentDays as number)} logged; ${before}: ${spread(n.baselineSpread as number)} over ${days(n.baselineDays as number)}`,
    );
  }
  // Insights stored before 1.5.0 carry the standard deviation of the daily means instead.
  if (has(n, 'recentSd', 'baselineSd', 'recentDays', 'baselineDays')) {
    lines.push(
      `Spread of daily mood (standard deviation), last ${weeks} weeks: ${one(n.recentSd as number)} points over ${days(n.recentDays as number)} logged; ${before}: ${one(n.baselineSd as number)} over ${days(n.baselineDays as number)}`,
    );
  }
  if (has(n, 'p')) lines.push(`A spread this much wider without a real change: ${chanceText(n.p as number)}`);
  return lines;
}

function lowRunLines({ numbers: n }: EvidenceInput): string[] {
  const lines: string[] = [];
  if (has(n, 'runDays', 'runMedian')) lines.push(`Low days in a row: ${n.runDays}, median mood ${one(n.runMedian as number)}`);
  if (has(n, 'baselineMedian', 'cutoff'))
    lines.push(`Usual median before: ${one(n.baselineMedian as number)}; a day counts as low at ${one(n.cutoff as number)} or below`);
  return lines;
}

function disengagementLines({ numbers: n }: EvidenceInput): string[] {
  const lines: string[] = [];
  if (has(n, 'daysSinceLastCheckIn')) lines.push(`Days without a check-in: ${n.daysSinceLastCheckIn} (declared breaks not counted)`);
  if (has(n, 'usualLongestGap', 'thresholdDays'))
    lines.push(
      `Longest usual gap in the past year: ${days(n.usualLongestGap as number)}; flagged from ${days(Math.ceil(n.thresholdDays as number))}`,
    );
  if (has(n, 'previousLoggingRate')) lines.push(`Days logged in the 90 days before: ${percent(n.previousLoggingRate as number)}`);
  if (has(n, 'daysOverdue', 'cadenceDays'))
    lines.push(`Days past due: ${n.daysOverdue} (due every ${days(n.cadenceDays as number)}; declared breaks not counted)`);
  if (has(n, 'completed')) lines.push(`Completed so far: ${n.completed}`);
  return lines;
}

function measureLines({ kind, numbers: n }: EvidenceInput): string[] {
  const lines: string[] = [];
  if (kind === 'band_change' && has(n, 'previousScore', 'latestScore', 'reliableChange')) {
    const change = (n.latestScore as number) - (n.previousScore as number);
    lines.push(`Previous score ${n.previousScore}, latest ${n.latestScore}: ${signed(change, 0)} points`);
    lines.push(
      `Reliable change needs ${n.reliableChange} points or more: this change ${Math.abs(change) >= (n.reliableChange as number) ? 'is' : 'is not'} reliable`,
    );
  }
  if (has(n, 'firstScore', 'latestScore', 'change')) {
    lines.push(
      `First score on record ${n.firstScore}, latest ${n.latestScore}: ${signed(n.change as number, 0)} points (compared with the first score, as the clinical rule defines)`,
    );
  }
  if (has(n, 'reliableChangeThreshold', 'casenessThreshold'))
    lines.push(`Reliable change: ${n.reliableChangeThreshold} points or more; clinical cut-off: ${n.casenessThreshold}`);
  return lines;
}

function riskLines({ kind, numbers: n }: EvidenceInput): string[] {
  if (kind === 'item9' && has(n, 'item9Answer', 'phq9Total')) return [`Item 9 answer: ${n.item9Answer} of 3; PHQ-9 total ${n.phq9Total}`];
  if (kind === 'crisis_language' && has(n, 'textsFlagged')) return [`Texts flagged in the last 14 days: ${n.textsFlagged}`];
  return [];
}

function sleepLines({ numbers: n }: EvidenceInput): string[] {
  const lines: string[] = [];
  if (has(n, 'medianSleepHours', 'moodAfterLongerSleep', 'moodAfterShorterSleep')) {
    lines.push(
      `Mean mood after more than ${one(n.medianSleepHours as number)} hours of sleep: ${one(n.moodAfterLongerSleep as number)}; after less: ${one(n.moodAfterShorterSleep as number)}`,
    );
  }
  if (has(n, 'spearmanRho', 'n'))
    lines.push(
      `Strength of the association (Spearman ρ): ${(n.spearmanRho as number).toFixed(2)}, over ${days(n.n as number)} with both logged`,
    );
  if (has(n, 'p')) lines.push(`An association this strong without a real one: ${chanceText(n.p as number)}`);
  return lines;
}

function weekdayLines({ numbers: n }: EvidenceInput): string[] {
  const lines: string[] = [];
  if (has(n, 'weekdayEffectPoints', 'observations'))
    lines.push(
      `Difference from the rest of the same week: ${signed(n.weekdayEffectPoints as number)} points, over ${n.observations} logged days`,
    );
  if (has(n, 'p')) lines.push(`A weekday difference this large without a real one: ${chanceText(n.p as number)}`);
  return lines;
}

const BY_KIND: Record<string, (input: EvidenceInput) => string[]> = {
  shift: changeLines,
  decline: changeLines,
  improvement: changeLines,
  volatility: volatilityLines,
  low_run: lowRunLines,
  disengagement: disengagementLines,
  band_change: measureLines,
  reliable_change: measureLines,
  recovery: measureLines,
  reliable_recovery: measureLines,
  response: measureLines,
  remission: measureLines,
  item9: riskLines,
  crisis_language: riskLines,
  sleep_mood: sleepLines,
  weekday: weekdayLines,
};

/** The evidence of one insight as plain lines, in the order a clinician reads them. */
export function evidenceLines(input: EvidenceInput): string[] {
  return BY_KIND[input.kind]?.(input) ?? [];
}
