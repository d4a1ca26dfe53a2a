import { DETECTION } from './config';
import { RISK_SOURCE_WORDS, type RiskSource } from '../clinical/risk-sources';
import type { Direction, Severity } from './types';

// Who on a caseload needs attention first, and why, in words a therapist reads at a glance.
// Pure: the DAL gathers the facts (only those the client shares with this therapist, plus the
// urgent alerts that always reach them) and this module ranks them.

/** No check-in for this many days counts as not logging, as on the clinic admin's caseloads view. */
export const NOT_LOGGING_DAYS = 7;

export type AlertFact = { kind: 'item9' | 'crisis_language'; source: RiskSource; answer: number | null; daysAgo: number };
export type SignalFact = { kind: string; severity: Severity; direction: Direction };
export type OverdueFact = { instrument: 'phq9' | 'gad7'; daysOverdue: number };

export type AttentionFacts = {
  /** The newest unacknowledged urgent alert, if any. */
  alert: AlertFact | null;
  /** Open signals nobody has reviewed yet, among those the therapist may see. */
  newSignals: readonly SignalFact[];
  /** Null when check-ins are not shared: silence then says nothing. */
  daysSinceCheckIn: number | null;
  /** A declared break silences disengagement: missed check-ins and overdue questionnaires (DESIGN §3, §5). */
  isPaused: boolean;
  /** Empty when measures are not shared. */
  overdue: readonly OverdueFact[];
};

export type ReasonCode = 'alert' | 'signal' | 'not_logging' | 'overdue';
export type AttentionReason = { code: ReasonCode; text: string; weight: number };

const SIGNAL_LABELS: Record<string, string> = {
  decline: 'mood declining',
  improvement: 'mood improving',
  shift: 'shift in mood',
  volatility: 'mood swings widening',
  low_run: 'run of low-mood days',
  disengagement: 'fewer check-ins',
  band_change: 'questionnaire band changed',
  reliable_change: 'reliable change in scores',
  recovery: 'recovery',
  reliable_recovery: 'reliable recovery',
  response: 'response to treatment',
  remission: 'remission',
  item9: 'PHQ-9 item 9 answered above 0',
  crisis_language: 'risk language in what they wrote',
  sleep_mood: 'sleep and mood move together',
  weekday: 'weekday pattern',
};

// Among worsening signals, a change in mood itself comes before patterns around it.
const WORSENING_PRIORITY: Record<string, number> = {
  decline: 60,
  shift: 60,
  reliable_change: 58,
  low_run: 55,
  band_change: 50,
  volatility: 45,
  disengagement: 40,
};

const INSTRUMENT_NAMES = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

// Kinds that can go either way read differently when they do.
const DIRECTED_LABELS: Record<string, Partial<Record<Direction, string>>> = {
  shift: { worsening: 'drop in mood', improving: 'rise in mood' },
  band_change: { worsening: 'questionnaire band worse', improving: 'questionnaire band better' },
  reliable_change: { worsening: 'reliable worsening in scores', improving: 'reliable improvement in scores' },
};

export function signalLabel(kind: string, direction: Direction = 'neutral'): string {
  return DIRECTED_LABELS[kind]?.[direction] ?? SIGNAL_LABELS[kind] ?? kind.replaceAll('_', ' ');
}

/** "today", "yesterday", "9 days ago". */
export function daysAgoText(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

function signalWeight(signal: SignalFact): number {
  if (signal.severity === 'urgent') return 800;
  if (signal.direction === 'worsening') return 600 + (WORSENING_PRIORITY[signal.kind] ?? 30);
  if (signal.severity === 'attention') return 200;
  return 100;
}

/** Every reason this client needs attention, the weightiest first. Empty: nothing calls for it. */
export function attentionReasons(facts: AttentionFacts): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (facts.alert) {
    const when = daysAgoText(facts.alert.daysAgo);
    reasons.push({
      code: 'alert',
      text: facts.alert.kind === 'item9' ? `PHQ-9 item 9 answered ${when}` : `Risk language in ${RISK_SOURCE_WORDS[facts.alert.source]} ${when}`,
      weight: 1000,
    });
  }
  const seen = new Set<string>();
  for (const signal of [...facts.newSignals].sort((a, b) => signalWeight(b) - signalWeight(a))) {
    const label = signalLabel(signal.kind, signal.direction);
    if (seen.has(label)) continue;
    seen.add(label);
    reasons.push({ code: 'signal', text: `New signal: ${label}`, weight: signalWeight(signal) });
  }
  if (!facts.isPaused && facts.daysSinceCheckIn !== null && facts.daysSinceCheckIn >= NOT_LOGGING_DAYS) {
    reasons.push({ code: 'not_logging', text: `No check-in for ${facts.daysSinceCheckIn} days`, weight: 400 + Math.min(facts.daysSinceCheckIn, 60) });
  }
  for (const o of facts.isPaused ? [] : facts.overdue) {
    const days = o.daysOverdue === 1 ? '1 day' : `${o.daysOverdue} days`;
    reasons.push({ code: 'overdue', text: `${INSTRUMENT_NAMES[o.instrument]} overdue by ${days}`, weight: 300 + Math.min(o.daysOverdue, 60) });
  }
  return reasons.sort((a, b) => b.weight - a.weight);
}

/**
 * Default caseload order: the weightiest reason first, then the number of reasons, then name.
 * Clients with no reason keep alphabetical order below everyone who has one.
 */
export function compareByAttention(a: { name: string; reasons: readonly AttentionReason[] }, b: { name: string; reasons: readonly AttentionReason[] }): number {
  const top = (b.reasons[0]?.weight ?? 0) - (a.reasons[0]?.weight ?? 0);
  if (top !== 0) return top;
  const count = b.reasons.length - a.reasons.length;
  if (count !== 0) return count;
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

export type MoodTrend = 'lower' | 'higher' | 'steady';

/**
 * The last 7 days' mean mood against the person's own baseline. It says "lower" or "higher" only
 * when the gap clears the insight engine's own bar for a change worth attention (DETECTION: at
 * least minChangePoints and minChangeInSpreads of their day-to-day spread) and rests on a baseline
 * of at least minBaselineDays logged days and on most of the last week.
 */
export function moodTrend({
  recentMean,
  recentDays,
  baselineMean,
  baselineSd,
  baselineDays,
}: {
  recentMean: number | null;
  recentDays: number;
  baselineMean: number | null;
  baselineSd: number | null;
  baselineDays: number;
}): MoodTrend | null {
  if (recentMean === null || baselineMean === null || recentDays < 4 || baselineDays < DETECTION.minBaselineDays) return null;
  const bar = Math.max(DETECTION.minChangePoints, DETECTION.minChangeInSpreads * (baselineSd ?? 0));
  const gap = recentMean - baselineMean;
  if (gap <= -bar) return 'lower';
  if (gap >= bar) return 'higher';
  return 'steady';
}
