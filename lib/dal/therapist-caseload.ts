import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db';
import { bandFor, type BandId } from '@/lib/clinical/bands';
import { totalScore } from '@/lib/clinical/scoring';
import { localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import {
  attentionReasons,
  compareByAttention,
  type AlertFact,
  type AttentionReason,
  type OverdueFact,
  type SignalFact,
} from '@/lib/insights/attention';
import { DETECTION } from '@/lib/insights/config';
import { pausedDaySet } from '@/lib/insights/daily-series';
import { toDay } from '@/lib/insights/dates';
import {
  daysOverdue,
  dailyMoodMeans,
  daysWithoutCheckIn,
  usualLongestGap,
  usualMood,
  type DailyMean,
  type MoodTrend,
} from '@/lib/insights/definitions';
import { sortBy } from '@/lib/tables/table-query';
import { caseloadQuerySchema, type CaseloadQuery } from '@/lib/validation/caseload';
import { mayRead, type ClientReadAccess, type Scope } from './access';
import { queueAudits } from './audit';
import { withActorReading, type Actor } from './context';

export type MeasureSummary = {
  total: number;
  band: BandId;
  bandLabel: string;
  /** Points since the previous administration; null when this is the first. */
  change: number | null;
  completedAt: Date;
};

/**
 * Usual mood (lib/insights/definitions): the last 7 days against the 8 weeks before. When nothing
 * was logged in the last 7 days, `recentMean` is the 7 days ending on the last check-in and
 * `recentAgeDays` says how old that is.
 */
export type MoodSummary = { recentMean: number; recentAgeDays: number; baselineMean: number | null; trend: MoodTrend | null };

/**
 * One client on the caseload. A field resting on a scope the client does not share with this
 * therapist is null, whatever the database holds; `sharing` says which scopes are shared.
 */
export type CaseloadRow = {
  clientId: string;
  name: string;
  sharing: Scope[];
  lastCheckInAt: Date | null;
  /** Calendar days since the last check-in, in the therapist's time zone. */
  lastCheckInDaysAgo: number | null;
  mood: MoodSummary | null;
  phq9: MeasureSummary | null;
  gad7: MeasureSummary | null;
  openSignals: number;
  urgentAlerts: number;
  reasons: AttentionReason[];
};

export type CaseloadPage = {
  rows: CaseloadRow[];
  /** Clients matching the filters. */
  total: number;
  /** Clients on the caseload, whatever the filters. */
  caseloadSize: number;
  page: number;
  pageCount: number;
  pageSize: number;
  query: CaseloadQuery;
};

type Answers = { items: number[]; at: string }[];

/** What `caseloadFactsQuery` returns per client, before consent gating and ranking. */
export type CaseloadFactsRow = {
  client_id: string;
  name: string;
  today: string;
  joined_at: string | Date;
  joined_on: string;
  sharing: Scope[] | string;
  last_check_in_on: string | null;
  last_check_in_at: string | Date | null;
  /** Daily means (date, mean) of the last DETECTION.lookbackDays days. */
  daily: { date: string; moods: number[] }[] | null;
  /** Every day with a check-in in the past year (DETECTION.usualGapHistoryDays), for the usual gap, as day numbers (`toDay`). */
  logged_year: number[] | null;
  /** Declared breaks that touch that year. */
  breaks: { start: string; end: string }[] | null;
  phq9: Answers | null;
  gad7: Answers | null;
  phq9_last_on: string | null;
  gad7_last_on: string | null;
  phq9_cadence: number;
  gad7_cadence: number;
  signals: SignalFact[] | null;
  open_alerts: number;
  alert_kind: AlertFact['kind'] | null;
  alert_answer: number | null;
  alert_source: AlertFact['source'] | null;
  alert_at: string | Date | null;
  is_paused: boolean;
};

/**
 * Everything the caseload shows, for every client actively assigned to `therapistId`, in one
 * statement: lateral subqueries read only each client's recent rows through the existing
 * (client_id, date) indexes, so the cost grows with the caseload, not with years of history.
 * Run inside `withActor`, row-level security already hides what the client does not share;
 * exported so a benchmark can time the same SQL raw.
 *
 * Under row-level security PostgreSQL uses a condition in an index only when it cannot leak the
 * rows the policies hide: a plain comparison of dates can be, but `timezone()` and `date - int`
 * are not leakproof, so a window written as `(now() at time zone u.time_zone)::date - n` was
 * checked row by row over each client's whole year. `mine` is therefore materialised with the
 * windows' ends as plain dates (`today`, `since`, `year_since`), which the check-ins index takes.
 */
export function caseloadFactsQuery(therapistId: string): SQL {
  return sql`
    with mine as materialized (
      select a.client_id, u.name, u.time_zone, m.created_at as joined_at,
             (m.created_at at time zone u.time_zone)::date as joined_on,
             (now() at time zone u.time_zone)::date as today,
             (now() at time zone u.time_zone)::date - ${DETECTION.lookbackDays}::int as since,
             (now() at time zone u.time_zone)::date - ${DETECTION.usualGapHistoryDays}::int as year_since
        from assignments a
        join users u on u.id = a.client_id
        join memberships m on m.user_id = a.client_id and m.clinic_id = a.clinic_id
       where a.therapist_id = ${therapistId} and a.ended_at is null
    ),
    cadence as (select measure_cadence_days as days from clinics limit 1)
    select c.client_id, c.name, c.today::text as today, c.joined_at, c.joined_on::text as joined_on,
           coalesce(s.scopes, '{}') as sharing,
           last.local_date::text as last_check_in_on, last.recorded_at as last_check_in_at,
           mood.daily, year.logged_year, br.breaks,
           phq.answers as phq9, gad.answers as gad7,
           (select max((r.completed_at at time zone c.time_zone)::date)::text from measure_responses r
             where r.client_id = c.client_id and r.instrument = 'phq9') as phq9_last_on,
           (select max((r.completed_at at time zone c.time_zone)::date)::text from measure_responses r
             where r.client_id = c.client_id and r.instrument = 'gad7') as gad7_last_on,
           coalesce(sp.cadence_days, (select days from cadence), 14)::int as phq9_cadence,
           coalesce(sg.cadence_days, (select days from cadence), 14)::int as gad7_cadence,
           ins.signals,
           al.open_alerts, al.alert_kind, al.alert_answer, al.alert_source, al.alert_at,
           exists (select 1 from pauses p
                    where p.client_id = c.client_id and p.cancelled_at is null
                      and c.today between p.starts_on and p.ends_on) as is_paused
      from mine c
      left join lateral (
        select array_agg(distinct g.scope::text order by g.scope::text) as scopes
          from consent_grants g
         where g.client_id = c.client_id and g.therapist_id = ${therapistId}
           and g.revoked_at is null and (g.expires_at is null or g.expires_at > now())
      ) s on true
      left join lateral (
        -- Each day's check-ins, grouped by day; the daily mean and usual mood are computed from
        -- these by lib/insights/definitions, the one definition every view uses.
        select json_agg(json_build_object('date', d.local_date::text, 'moods', d.moods) order by d.local_date) as daily,
               max(d.local_date) as last_on
          from (select ci.local_date, array_agg(ci.mood) as moods from check_ins ci
                 where ci.client_id = c.client_id and ci.local_date > c.since and ci.local_date <= c.today
                 group by ci.local_date) d
      ) mood on true
      left join lateral (
        -- The days logged in the past year and the breaks declared in it: the usual gap between
        -- check-ins is read from these by lib/insights/definitions, as the engine reads it. The
        -- days come as day numbers (days since 1970-01-01, as toDay counts), not dates to parse.
        select json_agg(y.local_date - date '1970-01-01' order by y.local_date) as logged_year
          from (select distinct ci.local_date from check_ins ci
                 where ci.client_id = c.client_id and ci.local_date > c.year_since and ci.local_date <= c.today) y
      ) year on true
      left join lateral (
        select json_agg(json_build_object('start', p.starts_on::text, 'end', p.ends_on::text)) as breaks
          from pauses p
         where p.client_id = c.client_id and p.cancelled_at is null and p.starts_on <= c.today
           and p.ends_on > c.year_since
      ) br on true
      left join lateral (
        -- The last day is in that window for anyone logging lately; only otherwise is the whole
        -- history searched.
        select ci.local_date, ci.recorded_at from check_ins ci
         where ci.client_id = c.client_id
           and (ci.local_date = mood.last_on or mood.last_on is null)
         order by ci.local_date desc, ci.recorded_at desc limit 1
      ) last on true
      left join lateral (
        select json_agg(json_build_object('items', r.items, 'at', r.completed_at) order by r.completed_at desc) as answers
          from (select items, completed_at from measure_responses
                 where client_id = c.client_id and instrument = 'phq9'
                 order by completed_at desc limit 2) r
      ) phq on true
      left join lateral (
        select json_agg(json_build_object('items', r.items, 'at', r.completed_at) order by r.completed_at desc) as answers
          from (select items, completed_at from measure_responses
                 where client_id = c.client_id and instrument = 'gad7'
                 order by completed_at desc limit 2) r
      ) gad on true
      left join measure_schedules sp on sp.client_id = c.client_id and sp.instrument = 'phq9'
      left join measure_schedules sg on sg.client_id = c.client_id and sg.instrument = 'gad7'
      left join lateral (
        select json_agg(json_build_object('kind', i.kind, 'severity', i.severity, 'direction', i.direction,
                                          'daysAgo', greatest(0, c.today - i.window_end))) as signals
          from insights i
         where i.client_id = c.client_id and i.status = 'open' and i.review_state = 'new'
      ) ins on true
      left join lateral (
        select count(*)::int as open_alerts,
               (array_agg(x.kind::text order by x.created_at desc))[1] as alert_kind,
               (array_agg(x.answer order by x.created_at desc))[1] as alert_answer,
               (array_agg(x.source::text order by x.created_at desc))[1] as alert_source,
               max(x.created_at) as alert_at
          from alerts x
         where x.client_id = c.client_id and x.therapist_id = ${therapistId}
           and not exists (select 1 from alert_acknowledgements k where k.alert_id = x.id)
      ) al on true`;
}

const DAY_MS = 86_400_000;
const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const parseScopes = (value: Scope[] | string): Scope[] =>
  Array.isArray(value) ? value : (value.replace(/[{}]/g, '').split(',').filter(Boolean) as Scope[]);

function summarize(instrument: 'phq9' | 'gad7', answers: Answers | null): MeasureSummary | null {
  const [latest, previous] = answers ?? [];
  if (!latest) return null;
  const total = totalScore(instrument, latest.items);
  // Bands: PHQ-9 Kroenke, Spitzer & Williams 2001; GAD-7 Spitzer et al. 2006 (lib/clinical/bands).
  const band = bandFor(instrument, total);
  return {
    total,
    band: band.id,
    bandLabel: band.label,
    change: previous ? total - totalScore(instrument, previous.items) : null,
    completedAt: new Date(latest.at),
  };
}

function overdueOf(
  instrument: 'phq9' | 'gad7',
  lastCompletedOn: string | null,
  cadenceDays: number,
  joinedOn: string,
  today: string,
): OverdueFact | null {
  const days = daysOverdue({ lastCompletedOn, joinedOn, cadenceDays, today });
  return days > 0 ? { instrument, daysOverdue: days } : null;
}

/** The daily means from each day's check-ins: the one definition in lib/insights/definitions. */
function dailyOf(raw: CaseloadFactsRow['daily']): DailyMean[] {
  const checkIns: { localDate: string; mood: number }[] = [];
  for (const day of raw ?? []) for (const mood of day.moods) checkIns.push({ localDate: day.date, mood: Number(mood) });
  return dailyMoodMeans(checkIns);
}

/**
 * Turns the raw facts into what this therapist may see: anything of an unshared scope is dropped here too.
 * `therapistToday` is today in the therapist's time zone, `localDateIn(timeZone, now)`, read once per caseload.
 */
export function toCaseloadRow(
  raw: CaseloadFactsRow,
  { therapistToday, timeZone }: { therapistToday: string; timeZone: string },
): CaseloadRow {
  const sharing = parseScopes(raw.sharing);
  const access: ClientReadAccess = { self: false, sharing };
  const checkins = mayRead(access, 'checkins');
  const measures = mayRead(access, 'measures');
  const phq9Answers = measures ? raw.phq9 : null;
  const gad7Answers = measures ? raw.gad7 : null;
  const lastAt = checkins && raw.last_check_in_at ? toDate(raw.last_check_in_at) : null;
  const daily = checkins ? dailyOf(raw.daily) : [];
  // A client who has not logged yet counts from the day they joined, in their own calendar.
  const daysSinceCheckIn = checkins ? daysWithoutCheckIn(raw.last_check_in_on, raw.joined_on, raw.today) : null;
  const today = toDay(raw.today);
  const loggedYear = checkins ? (raw.logged_year ?? []) : [];
  const usualGap = loggedYear.length === 0 ? null : usualLongestGap(loggedYear, pausedDaySet(raw.breaks ?? [], today), today);
  const usual = usualMood(daily, raw.today);
  const alert: AlertFact | null =
    raw.open_alerts > 0 && raw.alert_kind && raw.alert_source && raw.alert_at
      ? {
          kind: raw.alert_kind,
          source: raw.alert_source,
          answer: raw.alert_answer,
          daysAgo: daysBetween(localDateIn(timeZone, toDate(raw.alert_at)), therapistToday),
        }
      : null;
  const signals = raw.signals ?? [];
  const reasons = attentionReasons({
    alert,
    newSignals: signals,
    daysSinceCheckIn,
    usualLongestGap: usualGap,
    isPaused: raw.is_paused,
    overdue: measures
      ? [
          overdueOf('phq9', raw.phq9_last_on, raw.phq9_cadence, raw.joined_on, raw.today),
          overdueOf('gad7', raw.gad7_last_on, raw.gad7_cadence, raw.joined_on, raw.today),
        ].filter((o): o is OverdueFact => o !== null)
      : [],
  });
  const shownWeek =
    usual.recent.mean !== null
      ? { mean: usual.recent.mean, ageDays: 0 }
      : usual.latestWeek
        ? { mean: usual.latestWeek.mean, ageDays: usual.latestWeek.daysAgo }
        : null;
  return {
    clientId: raw.client_id,
    name: raw.name,
    sharing,
    lastCheckInAt: lastAt,
    lastCheckInDaysAgo: lastAt ? daysBetween(localDateIn(timeZone, lastAt), therapistToday) : null,
    mood:
      checkins && shownWeek
        ? {
            recentMean: Math.round(shownWeek.mean * 10) / 10,
            recentAgeDays: shownWeek.ageDays,
            baselineMean: usual.usual === null ? null : Math.round(usual.usual.mean * 10) / 10,
            trend: usual.trend,
          }
        : null,
    phq9: summarize('phq9', phq9Answers),
    gad7: summarize('gad7', gad7Answers),
    openSignals: signals.length,
    urgentAlerts: raw.open_alerts,
    reasons,
  };
}

function matches(row: CaseloadRow, query: CaseloadQuery): boolean {
  if (query.q && !row.name.toLocaleLowerCase('en').includes(query.q.toLocaleLowerCase('en'))) return false;
  if (query.urgent && row.urgentAlerts === 0) return false;
  if (query.signals && row.openSignals === 0) return false;
  if (query.overdue && !row.reasons.some((r) => r.code === 'overdue')) return false;
  if (query.notLogging && !row.reasons.some((r) => r.code === 'not_logging')) return false;
  if (query.band && row.phq9?.band !== query.band) return false;
  return true;
}

function ordered(rows: CaseloadRow[], query: CaseloadQuery): CaseloadRow[] {
  const { sort, dir } = query;
  if (sort === 'attention') {
    const sorted = [...rows].sort(compareByAttention);
    return dir === 'asc' ? sorted : sorted.reverse();
  }
  const byName = sortBy(rows, (r) => r.name, 'asc');
  switch (sort) {
    case 'name':
      return sortBy(rows, (r) => r.name, dir);
    case 'lastCheckIn':
      return sortBy(byName, (r) => r.lastCheckInAt?.getTime() ?? null, dir);
    case 'mood':
      return sortBy(byName, (r) => r.mood?.recentMean ?? null, dir);
    case 'phq9':
      return sortBy(byName, (r) => r.phq9?.total ?? null, dir);
    case 'gad7':
      return sortBy(byName, (r) => r.gad7?.total ?? null, dir);
    case 'signals':
      return sortBy(byName, (r) => r.openSignals, dir);
    case 'alerts':
      return sortBy(byName, (r) => r.urgentAlerts, dir);
  }
}

/**
 * The therapist's caseload as the URL asks for it: one query for the facts of every assigned
 * client, then ranking, filtering and paging of that list (a caseload is at most a few hundred).
 * Audited per client shown, so each client's access log names who looked.
 */
export async function listCaseload({
  actor,
  query: input = {},
  timeZone,
  now = new Date(),
}: {
  actor: Actor;
  query?: Partial<Record<keyof CaseloadQuery, unknown>>;
  /** The therapist's own time zone (users.time_zone), for "2 days ago"; required, since any default would count days wrongly for everyone outside that zone. */
  timeZone: string;
  now?: Date;
}): Promise<CaseloadPage> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  const query = caseloadQuerySchema.parse(input);
  return withActorReading(actor, async (tx) => {
    const facts = await queryRows<CaseloadFactsRow>(tx, caseloadFactsQuery(actor.userId));
    const therapistToday = localDateIn(timeZone, now);
    const all = facts.map((raw) => toCaseloadRow(raw, { therapistToday, timeZone }));
    const matching = ordered(
      all.filter((row) => matches(row, query)),
      query,
    );
    const pageSize = query.size;
    const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
    const page = Math.min(query.page, pageCount);
    const rows = matching.slice((page - 1) * pageSize, page * pageSize);
    await queueAudits(tx, actor, [
      { action: 'caseload.view', subjectType: 'caseload' },
      ...rows.map((row) => ({ action: 'caseload.view' as const, subjectType: 'caseload' as const, subjectClientId: row.clientId })),
    ]);
    return { rows, total: matching.length, caseloadSize: all.length, page, pageCount, pageSize, query: { ...query, page } };
  });
}
