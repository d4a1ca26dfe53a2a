import type { CaseloadRow, MeasureSummary } from '@/lib/dal/therapist-caseload';
import { daysAgoText } from '@/lib/insights/attention';
import { momentText } from '@/lib/dates';

// What one caseload row shows, as plain text and numbers: built on the server, rendered by the
// client table. A cell of a scope the client does not share is 'not_shared' and carries nothing.

export type Cell<T> = { state: 'not_shared' } | { state: 'none' } | ({ state: 'value' } & T);

export type ScopeKey = 'checkins' | 'journal' | 'measures';
export type ScopeView = { scope: ScopeKey; label: string; isShared: boolean };
export type MeasureView = { total: number; bandLabel: string; change: string | null; changeLabel: string | null };

export type CaseloadRowView = {
  clientId: string;
  name: string;
  /** The weightiest reasons, at most three, so a row stays readable. */
  reasons: string[];
  moreReasons: number;
  sharing: ScopeView[];
  lastCheckIn: Cell<{ relative: string; full: string; iso: string }>;
  mood: Cell<{
    recent: string;
    baseline: string | null;
    trend: 'lower' | 'higher' | 'steady' | null;
    age: string | null;
    description: string;
  }>;
  phq9: Cell<MeasureView>;
  gad7: Cell<MeasureView>;
  openSignals: number;
  urgentAlerts: number;
};

const SCOPES: { scope: ScopeKey; label: string }[] = [
  { scope: 'checkins', label: 'Check-ins' },
  { scope: 'measures', label: 'Questionnaires' },
  { scope: 'journal', label: 'Journal' },
];

function measureView(summary: MeasureSummary | null, isShared: boolean): Cell<MeasureView> {
  if (!isShared) return { state: 'not_shared' };
  if (!summary) return { state: 'none' };
  const { change } = summary;
  return {
    state: 'value',
    total: summary.total,
    bandLabel: summary.bandLabel,
    change: change === null ? null : change === 0 ? '±0' : change > 0 ? `+${change}` : `−${Math.abs(change)}`,
    changeLabel:
      change === null
        ? null
        : change === 0
          ? 'no change since the previous one'
          : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} since the previous one`,
  };
}

const SHOWN_REASONS = 3;

const trendWords = { lower: 'lower than usual', higher: 'higher than usual', steady: 'about usual' } as const;

export function toCaseloadView(row: CaseloadRow, timeZone: string): CaseloadRowView {
  const has = (scope: ScopeKey) => row.sharing.includes(scope);
  const mood = row.mood;
  return {
    clientId: row.clientId,
    name: row.name,
    reasons: row.reasons.slice(0, SHOWN_REASONS).map((r) => r.text),
    moreReasons: Math.max(0, row.reasons.length - SHOWN_REASONS),
    sharing: SCOPES.map((s) => ({ ...s, isShared: has(s.scope) })),
    lastCheckIn: !has('checkins')
      ? { state: 'not_shared' }
      : row.lastCheckInAt && row.lastCheckInDaysAgo !== null
        ? {
            state: 'value',
            relative: daysAgoText(row.lastCheckInDaysAgo).replace(/^./, (c) => c.toUpperCase()),
            full: momentText(row.lastCheckInAt, timeZone),
            iso: row.lastCheckInAt.toISOString(),
          }
        : { state: 'none' },
    mood: !has('checkins')
      ? { state: 'not_shared' }
      : mood
        ? {
            state: 'value',
            recent: mood.recentMean.toFixed(1),
            baseline: mood.baselineMean === null ? null : mood.baselineMean.toFixed(1),
            trend: mood.recentAgeDays > 0 ? null : mood.trend,
            // A mean of days long past says how old it is, and compares nothing.
            age: mood.recentAgeDays > 0 ? `last check-in ${daysAgoText(mood.recentAgeDays)}` : null,
            description:
              `7-day mean mood ${mood.recentMean.toFixed(1)} of 10` +
              (mood.recentAgeDays > 0 ? `, last check-in ${daysAgoText(mood.recentAgeDays)}` : '') +
              (mood.baselineMean === null ? '' : `, usual ${mood.baselineMean.toFixed(1)}`) +
              (mood.recentAgeDays > 0 ? '' : mood.trend ? `: ${trendWords[mood.trend]}` : ': too few days to compare'),
          }
        : { state: 'none' },
    phq9: measureView(row.phq9, has('measures')),
    gad7: measureView(row.gad7, has('measures')),
    openSignals: row.openSignals,
    urgentAlerts: row.urgentAlerts,
  };
}
