import { bandFor } from '../clinical/bands';
import type { Instrument } from '../clinical/instruments';
import type { ClinicalThresholds } from '../clinical/thresholds';
import { shortDate, toDay, toIsoDate } from './dates';
import { RISK_SOURCE_WORDS, type RiskSource } from '../clinical/risk-sources';
import { dailyMoodMeans, usualMood, USUAL_MOOD_SPAN_DAYS, type UsualMood } from './definitions';
import type { IsoDate } from './types';

// The "since last session" brief: what happened between the last signed session and today, built
// only from what the caller was allowed to read. A part passed as null (not shared) is left out of
// the brief entirely, with no count or hint that it exists.

/** Without a signed session, the brief covers the last 14 days (today included). */
export const BRIEF_FALLBACK_DAYS = 14;
/** Days of check-ins before the window the brief needs: enough for usual mood (lib/insights/definitions). */
export const BRIEF_BASELINE_DAYS = USUAL_MOOD_SPAN_DAYS;
/** How many of the client's tags are named. */
export const BRIEF_TOP_TAGS = 3;

export type BriefCheckIn = { localDate: IsoDate; mood: number; tags: readonly string[] };
export type BriefMeasure = { instrument: Instrument; total: number; localDate: IsoDate };
export type BriefPause = { start: IsoDate; end: IsoDate };
export type BriefSignal = { kind: string; severity: 'info' | 'attention' | 'urgent'; summary: string };
export type BriefRiskAnswer = { kind: 'item9' | 'crisis_language'; source: RiskSource; answer: number | null; date: IsoDate };

export type BriefInput = {
  today: IsoDate;
  lastSessionDate: IsoDate | null;
  /** Check-ins from the baseline start to today, or null when `checkins` is not shared. */
  checkIns: readonly BriefCheckIn[] | null;
  /** All questionnaire totals up to today, or null when `measures` is not shared. */
  measures: readonly BriefMeasure[] | null;
  pauses: readonly BriefPause[];
  signals: readonly BriefSignal[];
  riskAnswers: readonly BriefRiskAnswer[];
  thresholds: Pick<ClinicalThresholds, 'reliableChange'>;
  /** What the client saved with the companion since the last session, or absent when `companion` is not shared. */
  companion?: BriefCompanion | null;
};

export type BriefCompanion = { thoughtRecords: number; sessionNotes: string[] };

export type BriefMood = {
  /** The period since the last session. */
  daysLogged: number;
  mean: number | null;
  /** Usual mood as of today: the same figures the caseload and the timeline show. */
  usual: UsualMood;
};

export type BriefMeasureChange = {
  instrument: Instrument;
  latest: { total: number; band: string; date: IsoDate };
  previous: { total: number; band: string; date: IsoDate } | null;
  change: number | null;
  verdict: 'reliable deterioration' | 'reliable improvement' | 'no reliable change' | null;
};

export type Brief = {
  window: { from: IsoDate; to: IsoDate; lastSessionDate: IsoDate | null };
  mood: BriefMood | null;
  measures: BriefMeasureChange[] | null;
  signals: BriefSignal[];
  riskAnswers: BriefRiskAnswer[];
  missedCheckIns: { expectedDays: number; loggedDays: number; missedDays: number } | null;
  topTags: { tag: string; count: number }[] | null;
  /** Optional: briefs kept with notes written before the companion existed have none. */
  companion?: BriefCompanion | null;
};

export function briefWindow(today: IsoDate, lastSessionDate: IsoDate | null): { from: IsoDate; to: IsoDate } {
  const end = toDay(today);
  const start = lastSessionDate !== null && toDay(lastSessionDate) < end ? toDay(lastSessionDate) + 1 : end - (BRIEF_FALLBACK_DAYS - 1);
  return { from: toIsoDate(start), to: today };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const meanOf = (xs: readonly number[]) => (xs.length === 0 ? null : round1(xs.reduce((a, b) => a + b, 0) / xs.length));

function moodOf(checkIns: readonly BriefCheckIn[], from: number, to: number, today: IsoDate): BriefMood {
  const daily = dailyMoodMeans(checkIns);
  const inWindow = daily.filter((d) => toDay(d.date) >= from && toDay(d.date) <= to).map((d) => d.mean);
  return { daysLogged: inWindow.length, mean: meanOf(inWindow), usual: usualMood(daily, today) };
}

function measureChanges(
  measures: readonly BriefMeasure[],
  from: number,
  to: number,
  thresholds: BriefInput['thresholds'],
): BriefMeasureChange[] {
  const changes: BriefMeasureChange[] = [];
  for (const instrument of ['phq9', 'gad7'] as const) {
    const series = measures
      .filter((m) => m.instrument === instrument && toDay(m.localDate) <= to)
      .toSorted((a, b) => a.localDate.localeCompare(b.localDate));
    const latest = series.at(-1);
    if (!latest || toDay(latest.localDate) < from) continue;
    const previous = series.at(-2) ?? null;
    const change = previous ? latest.total - previous.total : null;
    // Reliable change: PHQ-9 ≥ 6 and GAD-7 ≥ 4 points by default (NHS Talking Therapies manual),
    // as configured for the clinic. Higher scores mean more symptoms.
    const needed = thresholds.reliableChange[instrument];
    const verdict =
      change === null
        ? null
        : change >= needed
          ? 'reliable deterioration'
          : change <= -needed
            ? 'reliable improvement'
            : 'no reliable change';
    changes.push({
      instrument,
      latest: { total: latest.total, band: bandFor(instrument, latest.total).label, date: latest.localDate },
      previous: previous ? { total: previous.total, band: bandFor(instrument, previous.total).label, date: previous.localDate } : null,
      change,
      verdict,
    });
  }
  return changes;
}

function pausedDays(pauses: readonly BriefPause[], from: number, to: number): Set<number> {
  const days = new Set<number>();
  for (const p of pauses) {
    for (let d = Math.max(toDay(p.start), from); d <= Math.min(toDay(p.end), to); d++) days.add(d);
  }
  return days;
}

function missedOf(checkIns: readonly BriefCheckIn[], pauses: readonly BriefPause[], from: number, to: number): Brief['missedCheckIns'] {
  const paused = pausedDays(pauses, from, to);
  const logged = new Set(checkIns.map((c) => toDay(c.localDate)).filter((d) => d >= from && d <= to && !paused.has(d)));
  const expectedDays = to - from + 1 - paused.size;
  return { expectedDays, loggedDays: logged.size, missedDays: expectedDays - logged.size };
}

function topTagsOf(checkIns: readonly BriefCheckIn[], from: number, to: number): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of checkIns) {
    const day = toDay(c.localDate);
    if (day < from || day > to) continue;
    for (const tag of new Set(c.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .toSorted((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, BRIEF_TOP_TAGS);
}

const severityOrder = { urgent: 0, attention: 1, info: 2 } as const;

export function buildBrief(input: BriefInput): Brief {
  const window = briefWindow(input.today, input.lastSessionDate);
  const from = toDay(window.from);
  const to = toDay(window.to);
  return {
    window: { ...window, lastSessionDate: input.lastSessionDate },
    mood: input.checkIns ? moodOf(input.checkIns, from, to, input.today) : null,
    measures: input.measures ? measureChanges(input.measures, from, to, input.thresholds) : null,
    signals: input.signals.toSorted((a, b) => severityOrder[a.severity] - severityOrder[b.severity]),
    riskAnswers: input.riskAnswers
      .filter((r) => toDay(r.date) >= from && toDay(r.date) <= to)
      .toSorted((a, b) => b.date.localeCompare(a.date)),
    missedCheckIns: input.checkIns ? missedOf(input.checkIns, input.pauses, from, to) : null,
    topTags: input.checkIns ? topTagsOf(input.checkIns, from, to) : null,
    companion: input.companion ?? null,
  };
}

const instrumentName = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;
const itemAnswers = ['not at all', 'several days', 'more than half the days', 'nearly every day'];
const dateText = (date: IsoDate) => shortDate(toDay(date));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const trendWords = { lower: 'lower than usual', higher: 'higher than usual', steady: 'within the usual range' } as const;

/** The period's mean, then the last 7 days against usual mood, each with its days and dates. */
export function moodLines(m: BriefMood): string[] {
  const lines = [
    m.mean === null
      ? 'No check-ins in this period.'
      : `Mean mood in this period: ${m.mean.toFixed(1)} of 10 over ${plural(m.daysLogged, 'logged day')}.`,
  ];
  const { recent, usual, trend, latestWeek } = m.usual;
  const usualText = usual
    ? `usual mood ${round1(usual.mean).toFixed(1)} (mean of ${plural(usual.loggedDays, 'logged day')}, ${dateText(usual.from)} – ${dateText(usual.to)})`
    : null;
  if (recent.mean !== null) {
    const week = `Last 7 days: ${round1(recent.mean).toFixed(1)} over ${plural(recent.loggedDays, 'logged day')}`;
    lines.push(
      usualText && trend
        ? `${week}, ${trendWords[trend]}: ${usualText}.`
        : usualText
          ? `${week}; too few days to compare with ${usualText}.`
          : `${week}; too little history for a usual mood yet.`,
    );
  } else if (latestWeek) {
    lines.push(
      `No check-in in the last 7 days; the last was on ${dateText(latestWeek.lastLoggedOn)} (${plural(latestWeek.daysAgo, 'day')} ago).`,
    );
  }
  return lines;
}

/** One line per fact, in the order the brief shows them. */
export function briefLines(brief: Brief): { heading: string; lines: string[] }[] {
  const sections: { heading: string; lines: string[] }[] = [];
  if (brief.riskAnswers.length > 0) {
    sections.push({
      heading: 'Risk answers',
      lines: brief.riskAnswers.map((r) =>
        r.kind === 'item9'
          ? `${dateText(r.date)}: PHQ-9 item 9 answered "${itemAnswers[r.answer ?? 0]}" (${r.answer ?? 0} of 3).`
          : `${dateText(r.date)}: risk language in ${RISK_SOURCE_WORDS[r.source]}.`,
      ),
    });
  }
  if (brief.mood) {
    sections.push({ heading: 'Mood', lines: moodLines(brief.mood) });
  }
  if (brief.measures) {
    sections.push({
      heading: 'Questionnaires',
      lines:
        brief.measures.length === 0
          ? ['No PHQ-9 or GAD-7 completed in this period.']
          : brief.measures.map((c) => {
              const now = `${instrumentName[c.instrument]} ${c.latest.total} (${c.latest.band}) on ${dateText(c.latest.date)}`;
              if (!c.previous || c.change === null) return `${now}; the first on record.`;
              const sign = c.change > 0 ? '+' : '';
              return `${now}, ${sign}${c.change} since ${c.previous.total} (${c.previous.band}) on ${dateText(c.previous.date)}: ${c.verdict}.`;
            }),
    });
  }
  sections.push({
    heading: 'Open signals',
    lines: brief.signals.length === 0 ? ['None open.'] : brief.signals.map((s) => s.summary),
  });
  if (brief.missedCheckIns) {
    const m = brief.missedCheckIns;
    sections.push({
      heading: 'Check-ins',
      lines: [
        `Logged ${m.loggedDays} of ${plural(m.expectedDays, 'expected day')} (${plural(m.missedDays, 'day')} missed, declared breaks excluded).`,
      ],
    });
  }
  if (brief.topTags) {
    sections.push({
      heading: 'Most used tags',
      lines: [brief.topTags.length === 0 ? 'No tags used.' : brief.topTags.map((t) => `${t.tag} (${t.count})`).join(', ')],
    });
  }
  if (brief.companion) {
    const c = brief.companion;
    sections.push({
      heading: 'Shared from the companion',
      lines: [
        c.thoughtRecords === 0 ? 'No thought records.' : `${plural(c.thoughtRecords, 'thought record')} (on the client page).`,
        ...(c.sessionNotes.length === 0 ? ['No notes for this session.'] : c.sessionNotes.map((n) => `To bring to this session: ${n}`)),
      ],
    });
  }
  return sections;
}

export function briefPeriodText(brief: Brief): string {
  const { from, to, lastSessionDate } = brief.window;
  const range = `${dateText(from)} – ${dateText(to)}`;
  return lastSessionDate
    ? `Since the last session on ${dateText(lastSessionDate)} (${range})`
    : `Last ${BRIEF_FALLBACK_DAYS} days, no earlier signed session (${range})`;
}

/** The brief as plain text, for the therapist to insert into a note and edit. */
export function renderBriefText(brief: Brief): string {
  const body = briefLines(brief).map((s) => `${s.heading}:\n${s.lines.map((l) => `- ${l}`).join('\n')}`);
  return [`${briefPeriodText(brief)}.`, ...body].join('\n\n');
}
