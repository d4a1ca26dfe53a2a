import { isNotLogging, unusualSilenceDays } from './definitions';
import { RISK_SOURCE_WORDS, type RiskSource } from '../clinical/risk-sources';
import type { Direction, Severity } from './types';

// Who on a caseload needs attention first, and why, in words a therapist reads at a glance.
// Pure: the DAL gathers the facts (only those the client shares with this therapist, plus the
// urgent alerts that always reach them) and this module ranks them.

export type AlertFact = { kind: 'item9' | 'crisis_language'; source: RiskSource; answer: number | null; daysAgo: number };
/** `daysAgo`: days since the signal's window ended (its latest evidence). */
export type SignalFact = { kind: string; severity: Severity; direction: Direction; daysAgo?: number };
export type OverdueFact = { instrument: 'phq9' | 'gad7'; daysOverdue: number };

export type AttentionFacts = {
  /** The newest unacknowledged urgent alert, if any. */
  alert: AlertFact | null;
  /** Open signals nobody has reviewed yet, among those the therapist may see. */
  newSignals: readonly SignalFact[];
  /** Null when check-ins are not shared: silence then says nothing. */
  daysSinceCheckIn: number | null;
  /** The client's usual gap (`usualLongestGap` in definitions.ts: longest of the past year, breaks not counted); null when unknown. */
  usualLongestGap?: number | null;
  /** A declared break silences disengagement: missed check-ins and overdue questionnaires (docs/design.md §3, §5). */
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

// The caseload's order of clinical need (issue 13): urgent alerts; worsening signals by severity
// and recency; silence longer than the client's usual gap; overdue questionnaires; then the
// rest. A small questionnaire change that may be measurement error (severity info) ranks below
// silence and overdue questionnaires.
const TIER = {
  alert: 1000,
  urgent: 900,
  worsening: 700,
  silence: 500,
  overdue: 400,
  minorWorsening: 300,
  otherAttention: 200,
  other: 100,
  notLoggingUsual: 150,
} as const;
const RECENT_SIGNAL_DAYS = 28;

function recency(daysAgo: number | undefined): number {
  // Within a tier, newer evidence first: up to 9 points over four weeks.
  return daysAgo === undefined ? 0 : (9 * Math.max(0, RECENT_SIGNAL_DAYS - daysAgo)) / RECENT_SIGNAL_DAYS;
}

function signalWeight(signal: SignalFact): number {
  if (signal.severity === 'urgent') return TIER.urgent + recency(signal.daysAgo);
  const priority = WORSENING_PRIORITY[signal.kind] ?? 30;
  if (signal.direction === 'worsening') {
    return signal.severity === 'attention'
      ? TIER.worsening + priority + recency(signal.daysAgo)
      : TIER.minorWorsening + priority / 10 + recency(signal.daysAgo) / 10;
  }
  return signal.severity === 'attention' ? TIER.otherAttention : TIER.other;
}

const SEVERITY_WORDS = { urgent: 'urgent', attention: 'needs attention', info: 'for information' } as const;

function signalText(signal: SignalFact, label: string): string {
  const when = signal.daysAgo === undefined ? '' : `, latest ${daysAgoText(signal.daysAgo)}`;
  return `New signal: ${label} (${SEVERITY_WORDS[signal.severity]}${when})`;
}

const dayCount = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** Every reason this client needs attention, the weightiest first. Empty: nothing calls for it. */
export function attentionReasons(facts: AttentionFacts): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (facts.alert) {
    const when = daysAgoText(facts.alert.daysAgo);
    reasons.push({
      code: 'alert',
      text:
        facts.alert.kind === 'item9'
          ? `PHQ-9 item 9 answered ${when}`
          : `Risk language in ${RISK_SOURCE_WORDS[facts.alert.source]} ${when}`,
      weight: TIER.alert,
    });
  }
  const seen = new Set<string>();
  for (const signal of [...facts.newSignals].sort((a, b) => signalWeight(b) - signalWeight(a))) {
    const label = signalLabel(signal.kind, signal.direction);
    if (seen.has(label)) continue;
    seen.add(label);
    reasons.push({ code: 'signal', text: signalText(signal, label), weight: signalWeight(signal) });
  }
  const silent = facts.daysSinceCheckIn;
  if (silent !== null && isNotLogging(silent, facts.isPaused)) {
    const usual = facts.usualLongestGap ?? null;
    const isUnusual = usual === null || silent >= unusualSilenceDays(usual);
    const usualText =
      usual === null
        ? ''
        : !isUnusual
          ? ` (gaps this long are usual for them: up to ${dayCount(usual)})`
          : usual === 0
            ? ' (usually checks in every day)'
            : ` (usually at most ${dayCount(usual)} between check-ins)`;
    reasons.push({
      code: 'not_logging',
      text: `No check-in for ${silent} days${usualText}`,
      weight: (isUnusual ? TIER.silence : TIER.notLoggingUsual) + Math.min(silent, 60),
    });
  }
  for (const o of facts.isPaused ? [] : facts.overdue) {
    reasons.push({
      code: 'overdue',
      text: `${INSTRUMENT_NAMES[o.instrument]} overdue by ${dayCount(o.daysOverdue)}`,
      weight: TIER.overdue + Math.min(o.daysOverdue, 60),
    });
  }
  return reasons.sort((a, b) => b.weight - a.weight);
}

/**
 * Default caseload order: the weightiest reason first, then the number of reasons, then name.
 * Clients with no reason keep alphabetical order below everyone who has one.
 */
export function compareByAttention(
  a: { name: string; reasons: readonly AttentionReason[] },
  b: { name: string; reasons: readonly AttentionReason[] },
): number {
  const top = (b.reasons[0]?.weight ?? 0) - (a.reasons[0]?.weight ?? 0);
  if (top !== 0) return top;
  const count = b.reasons.length - a.reasons.length;
  if (count !== 0) return count;
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}
