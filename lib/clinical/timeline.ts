import { bandFor } from '@/lib/clinical/bands';
import type { Instrument } from '@/lib/clinical/instruments';
import { datesBetween, dailyMeans, ROLLING_MIN_DAYS } from '@/lib/history/chart-data';
import { addDays } from '@/lib/dates';
import { dailyMoodMeans, NOT_LOGGING_DAYS, usualMood, USUAL_MOOD } from '@/lib/insights/definitions';

// The therapist's timeline, prepared as plain data: the chart only draws it, and the same data
// gives the sentence a screen reader hears and the table view.

export const TIMELINE_RANGES = ['30', '90', '365', 'all'] as const;
export type TimelineRange = (typeof TIMELINE_RANGES)[number];

export function parseRange(value: string | string[] | undefined): TimelineRange {
  return TIMELINE_RANGES.find((r) => r === value) ?? '90';
}

/**
 * The personal baseline is usual mood (lib/insights/definitions: the 8 weeks before the last 7
 * days, at least 14 logged days), the same figure the caseload and the brief show. The band is its
 * mean ± one standard deviation of the daily means.
 */
export const BASELINE = {
  recentDays: USUAL_MOOD.recentDays,
  days: USUAL_MOOD.baselineDays,
  minLoggedDays: USUAL_MOOD.minBaselineDays,
} as const;

export type TimelineCheckIn = { localDate: string; mood: number };
export type TimelineMeasure = { id: string; instrument: Instrument; total: number; localDate: string };
export type TimelineInsight = { id: string; kind: string; summary: string; windowStart: string; windowEnd: string };
export type TimelineSession = { noteId: string; sessionDate: string; status: 'draft' | 'signed' };
/** An urgent alert: a PHQ-9 item-9 answer above 0 (with the answer) or risk language. */
export type TimelineRiskAnswer = { kind: 'item9' | 'crisis_language'; answer: number | null; localDate: string };
export type TimelineRiskMark = { date: string; label: string };
/** Days without a check-in, at least NOT_LOGGING_DAYS long (lib/insights/definitions). */
export type TimelineGap = { start: string; end: string; days: number };

export type Baseline = { mean: number; low: number; high: number; from: string; to: string; loggedDays: number };
export type TimelineWindow = { insightId: string; label: string; start: string; end: string };
export type TimelineChangePoint = { insightId: string; label: string; date: string };

export type TimelineData = {
  range: TimelineRange;
  from: string;
  to: string;
  days: string[];
  /** Null when the client does not share check-ins with this therapist. */
  mood: { daily: (number | null)[]; rollingMean: (number | null)[]; loggedDays: number; baseline: Baseline | null } | null;
  /** Null when the client does not share questionnaires with this therapist. */
  measures: { phq9: (number | null)[]; gad7: (number | null)[]; administrations: TimelineMeasure[] } | null;
  windows: TimelineWindow[];
  changePoints: TimelineChangePoint[];
  sessions: TimelineSession[];
  riskMarks: TimelineRiskMark[];
  /** Null when check-ins are not shared: silence then says nothing. */
  silentGaps: TimelineGap[] | null;
  summary: string;
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const CHANGE_KINDS = new Set(['decline', 'improvement', 'shift']);
const WINDOW_KINDS = new Set(['decline', 'improvement', 'shift', 'volatility', 'low_run']);
const kindLabels: Record<string, string> = {
  decline: 'Sustained decline',
  improvement: 'Sustained improvement',
  shift: 'Level shift',
  volatility: 'Increased volatility',
  low_run: 'Run of low days',
};

/** The first day a range shows, counting back from `to`; "all" starts at the earliest data. */
export function rangeStart(range: TimelineRange, to: string, earliest: string | null): string {
  if (range === 'all') return earliest && earliest < to ? earliest : addDays(to, -29);
  return addDays(to, -(Number(range) - 1));
}

export function personalBaseline(checkIns: readonly TimelineCheckIn[], to: string): Baseline | null {
  const usual = usualMood(dailyMoodMeans(checkIns), to).usual;
  if (!usual) return null;
  return {
    mean: round1(usual.mean),
    low: round1(usual.low),
    high: round1(usual.high),
    from: usual.from,
    to: usual.to,
    loggedDays: usual.loggedDays,
  };
}

export function buildTimeline(input: {
  range: TimelineRange;
  to: string;
  checkIns: readonly TimelineCheckIn[] | null;
  measures: readonly TimelineMeasure[] | null;
  insights: readonly TimelineInsight[];
  sessions: readonly TimelineSession[];
  riskAnswers?: readonly TimelineRiskAnswer[];
}): TimelineData {
  const { range, to } = input;
  const earliest = [...(input.checkIns ?? []).map((c) => c.localDate), ...(input.measures ?? []).map((m) => m.localDate)].sort()[0] ?? null;
  const from = rangeStart(range, to, earliest);
  const days = datesBetween(from, to);
  const inRange = (d: string) => d >= from && d <= to;

  let mood: TimelineData['mood'] = null;
  if (input.checkIns) {
    const daily = dailyMeans(input.checkIns.map((c) => ({ ...c, tags: [] })));
    const values = days.map((d) => (daily.has(d) ? round1(daily.get(d) as number) : null));
    const rollingMean = days.map((d) => {
      const week = datesBetween(addDays(d, -6), d).flatMap((x) => (daily.has(x) ? [daily.get(x) as number] : []));
      return week.length >= ROLLING_MIN_DAYS ? round1(mean(week)) : null;
    });
    mood = {
      daily: values,
      rollingMean,
      loggedDays: values.filter((v) => v !== null).length,
      baseline: personalBaseline(input.checkIns, to),
    };
  }

  let measures: TimelineData['measures'] = null;
  if (input.measures) {
    const administrations = input.measures.filter((m) => inRange(m.localDate));
    const series = (instrument: Instrument) => {
      const byDay = new Map(administrations.filter((m) => m.instrument === instrument).map((m) => [m.localDate, m.total]));
      return days.map((d) => byDay.get(d) ?? null);
    };
    measures = { phq9: series('phq9'), gad7: series('gad7'), administrations };
  }

  const overlaps = (i: TimelineInsight) => i.windowEnd >= from && i.windowStart <= to;
  const windows = input.insights
    .filter((i) => WINDOW_KINDS.has(i.kind) && overlaps(i))
    .map((i) => ({
      insightId: i.id,
      label: kindLabels[i.kind] ?? i.kind,
      start: i.windowStart < from ? from : i.windowStart,
      end: i.windowEnd > to ? to : i.windowEnd,
    }));
  const changePoints = input.insights
    .filter((i) => CHANGE_KINDS.has(i.kind) && inRange(i.windowStart))
    .map((i) => ({ insightId: i.id, label: `${kindLabels[i.kind] ?? i.kind} begins`, date: i.windowStart }));
  const sessions = input.sessions.filter((s) => inRange(s.sessionDate));
  const riskMarks = (input.riskAnswers ?? []).filter((r) => inRange(r.localDate)).map((r) => ({ date: r.localDate, label: riskLabel(r) }));
  const silentGaps = mood ? silentGapsOf(days, mood.daily) : null;

  const data = { range, from, to, days, mood, measures, windows, changePoints, sessions, riskMarks, silentGaps };
  return { ...data, summary: timelineSummary(data) };
}

const ITEM9_ANSWERS = ['not at all', 'several days', 'more than half the days', 'nearly every day'];

function riskLabel(r: TimelineRiskAnswer): string {
  return r.kind === 'item9'
    ? `PHQ-9 item 9 answered "${ITEM9_ANSWERS[r.answer ?? 0]}" (${r.answer ?? 0} of 3)`
    : 'Risk language in what they wrote';
}

/** Runs of days in range with no check-in that reach "not logging". */
function silentGapsOf(days: readonly string[], daily: readonly (number | null)[]): TimelineGap[] {
  const gaps: TimelineGap[] = [];
  let start = -1;
  daily.forEach((value, i) => {
    if (value === null && start < 0) start = i;
    const isLast = i === daily.length - 1;
    if (start >= 0 && (value !== null || isLast)) {
      const end = value !== null ? i - 1 : i;
      const length = end - start + 1;
      if (length >= NOT_LOGGING_DAYS) gaps.push({ start: days[start] as string, end: days[end] as string, days: length });
      start = -1;
    }
  });
  return gaps;
}

function measureSentence(name: string, instrument: Instrument, list: readonly TimelineMeasure[]): string | null {
  const taken = list.filter((m) => m.instrument === instrument);
  const first = taken[0];
  const last = taken.at(-1);
  if (!first || !last) return null;
  const band = (m: TimelineMeasure) => `${m.total} (${bandFor(instrument, m.total).label.toLowerCase()})`;
  if (taken.length === 1) return `${name} was taken once, on ${first.localDate}: ${band(first)}.`;
  return `${name} was taken ${taken.length} times, from ${band(first)} on ${first.localDate} to ${band(last)} on ${last.localDate}.`;
}

export function timelineSummary(data: Omit<TimelineData, 'summary'>): string {
  const parts = [`Timeline from ${data.from} to ${data.to} (${data.days.length} days).`];
  if (data.mood) {
    const logged = data.mood.daily.filter((v): v is number => v !== null);
    if (logged.length === 0) {
      parts.push('No check-ins in this range.');
    } else {
      parts.push(
        `Mood was logged on ${logged.length} of the ${data.days.length} days, averaging ${round1(mean(logged))} out of 10 (lowest ${Math.min(...logged)}, highest ${Math.max(...logged)}).`,
      );
      const rolling = data.mood.rollingMean.filter((v): v is number => v !== null);
      if (rolling.length > 1) parts.push(`The 7-day mean went from ${rolling[0]} to ${rolling.at(-1)}.`);
    }
    const b = data.mood.baseline;
    if (b) parts.push(`Personal baseline (${b.from} to ${b.to}): ${b.low} to ${b.high}, mean ${b.mean}.`);
  }
  if (data.measures) {
    const sentences = [
      measureSentence('PHQ-9', 'phq9', data.measures.administrations),
      measureSentence('GAD-7', 'gad7', data.measures.administrations),
    ].filter((s): s is string => s !== null);
    parts.push(...(sentences.length > 0 ? sentences : ['No questionnaires in this range.']));
  }
  for (const r of data.riskMarks) parts.push(`${r.label} on ${r.date}.`);
  for (const g of data.silentGaps ?? []) parts.push(`No check-in for ${g.days} days: ${g.start} to ${g.end}.`);
  for (const c of data.changePoints) parts.push(`${c.label} on ${c.date}.`);
  for (const w of data.windows) parts.push(`${w.label}: ${w.start} to ${w.end}.`);
  if (data.sessions.length > 0)
    parts.push(
      `${data.sessions.length === 1 ? '1 session' : `${data.sessions.length} sessions`}: ${data.sessions.map((s) => s.sessionDate).join(', ')}.`,
    );
  return parts.join(' ');
}
