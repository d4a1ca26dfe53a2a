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
  moodTrend,
  type AlertFact,
  type AttentionReason,
  type MoodTrend,
  type OverdueFact,
  type SignalFact,
} from '@/lib/insights/attention';
import { sortBy } from '@/lib/tables/table-query';
import { caseloadQuerySchema, type CaseloadQuery } from '@/lib/validation/caseload';
import type { Scope } from './access';
import { recordAudits } from './audit';
import { withActorReading, type Actor } from './context';

export type MeasureSummary = {
  total: number;
  band: BandId;
  bandLabel: string;
  /** Points since the previous administration; null when this is the first. */
  change: number | null;
  completedAt: Date;
};

export type MoodSummary = { recentMean: number; baselineMean: number | null; trend: MoodTrend | null };

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
  recent_mean: number | null;
  recent_days: number;
  baseline_mean: number | null;
  baseline_sd: number | null;
  baseline_days: number;
  phq9: Answers | null;
  gad7: Answers | null;
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
 */
export function caseloadFactsQuery(therapistId: string): SQL {
  return sql`
    with mine as (
      select a.client_id, u.name, m.created_at as joined_at,
             (m.created_at at time zone u.time_zone)::date as joined_on,
             (now() at time zone u.time_zone)::date as today
        from assignments a
        join users u on u.id = a.client_id
        join memberships m on m.user_id = a.client_id and m.clinic_id = a.clinic_id
       where a.therapist_id = ${therapistId} and a.ended_at is null
    ),
    cadence as (select measure_cadence_days as days from clinics limit 1)
    select c.client_id, c.name, c.today::text as today, c.joined_at, c.joined_on::text as joined_on,
           coalesce(s.scopes, '{}') as sharing,
           last.local_date::text as last_check_in_on, last.recorded_at as last_check_in_at,
           mood.recent_mean, mood.recent_days, mood.baseline_mean, mood.baseline_sd, mood.baseline_days,
           phq.answers as phq9, gad.answers as gad7,
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
        -- Daily means (DESIGN §3: several check-ins a day count as one): the last 7 days against
        -- the 56 before them, the insight engine's baseline length (volatilityBaselineDays).
        select avg(d.m) filter (where d.local_date > c.today - 7)::float8 as recent_mean,
               (count(*) filter (where d.local_date > c.today - 7))::int as recent_days,
               avg(d.m) filter (where d.local_date <= c.today - 7)::float8 as baseline_mean,
               stddev_samp(d.m) filter (where d.local_date <= c.today - 7)::float8 as baseline_sd,
               (count(*) filter (where d.local_date <= c.today - 7))::int as baseline_days,
               max(d.local_date) as last_on
          from (select ci.local_date, avg(ci.mood) as m from check_ins ci
                 where ci.client_id = c.client_id and ci.local_date > c.today - 63 and ci.local_date <= c.today
                 group by ci.local_date) d
      ) mood on true
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
        select json_agg(json_build_object('kind', i.kind, 'severity', i.severity, 'direction', i.direction)) as signals
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

function overdueOf(instrument: 'phq9' | 'gad7', answers: Answers | null, cadenceDays: number, joinedAt: Date, now: Date): OverdueFact | null {
  // Due a cadence after the last administration, or after joining when there is none yet, as on
  // the clinic admin's caseloads view.
  const since = answers?.[0] ? new Date(answers[0].at) : joinedAt;
  const daysOverdue = Math.floor((now.getTime() - since.getTime()) / DAY_MS) - cadenceDays;
  return daysOverdue > 0 ? { instrument, daysOverdue } : null;
}

/** Turns the raw facts into what this therapist may see: anything of an unshared scope is dropped here too. */
export function toCaseloadRow(raw: CaseloadFactsRow, { now, timeZone }: { now: Date; timeZone: string }): CaseloadRow {
  const sharing = parseScopes(raw.sharing);
  const checkins = sharing.includes('checkins');
  const measures = sharing.includes('measures');
  const joinedAt = toDate(raw.joined_at);
  const phq9Answers = measures ? raw.phq9 : null;
  const gad7Answers = measures ? raw.gad7 : null;
  const lastAt = checkins && raw.last_check_in_at ? toDate(raw.last_check_in_at) : null;
  // A client who has not logged yet counts from the day they joined, in their own calendar.
  const daysSinceCheckIn = checkins ? daysBetween(raw.last_check_in_on ?? raw.joined_on, raw.today) : null;
  const alert: AlertFact | null =
    raw.open_alerts > 0 && raw.alert_kind && raw.alert_source && raw.alert_at
      ? { kind: raw.alert_kind, source: raw.alert_source, answer: raw.alert_answer, daysAgo: daysBetween(localDateIn(timeZone, toDate(raw.alert_at)), localDateIn(timeZone, now)) }
      : null;
  const signals = raw.signals ?? [];
  const reasons = attentionReasons({
    alert,
    newSignals: signals,
    daysSinceCheckIn,
    isPaused: raw.is_paused,
    overdue: measures
      ? [overdueOf('phq9', phq9Answers, raw.phq9_cadence, joinedAt, now), overdueOf('gad7', gad7Answers, raw.gad7_cadence, joinedAt, now)].filter(
          (o): o is OverdueFact => o !== null,
        )
      : [],
  });
  return {
    clientId: raw.client_id,
    name: raw.name,
    sharing,
    lastCheckInAt: lastAt,
    lastCheckInDaysAgo: lastAt ? daysBetween(localDateIn(timeZone, lastAt), localDateIn(timeZone, now)) : null,
    mood:
      checkins && raw.recent_mean !== null
        ? {
            recentMean: Math.round(raw.recent_mean * 10) / 10,
            baselineMean: raw.baseline_mean === null ? null : Math.round(raw.baseline_mean * 10) / 10,
            trend: moodTrend({
              recentMean: raw.recent_mean,
              recentDays: raw.recent_days,
              baselineMean: raw.baseline_mean,
              baselineSd: raw.baseline_sd,
              baselineDays: raw.baseline_days,
            }),
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
  timeZone = 'UTC',
  now = new Date(),
}: {
  actor: Actor;
  query?: Partial<Record<keyof CaseloadQuery, unknown>>;
  /** The therapist's own time zone (users.time_zone), for "2 days ago". */
  timeZone?: string;
  now?: Date;
}): Promise<CaseloadPage> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  const query = caseloadQuerySchema.parse(input);
  return withActorReading(actor, async (tx) => {
    const facts = await queryRows<CaseloadFactsRow>(tx, caseloadFactsQuery(actor.userId));
    const all = facts.map((raw) => toCaseloadRow(raw, { now, timeZone }));
    const matching = ordered(all.filter((row) => matches(row, query)), query);
    const pageSize = query.size;
    const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
    const page = Math.min(query.page, pageCount);
    const rows = matching.slice((page - 1) * pageSize, page * pageSize);
    await recordAudits(tx, actor, [
      { action: 'caseload.view', subjectType: 'caseload' },
      ...rows.map((row) => ({ action: 'caseload.view' as const, subjectType: 'caseload' as const, subjectClientId: row.clientId })),
    ]);
    return { rows, total: matching.length, caseloadSize: all.length, page, pageCount, pageSize, query: { ...query, page } };
  });
}

