import 'server-only';
import { and, asc, eq, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { getDatabase, schema, type Transaction } from '@/db';
import { localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import { computeInsights } from '@/lib/insights/engine';
import { INSIGHT_KINDS, type EngineInput, type Insight, type InsightKind, type ReviewInput } from '@/lib/insights/types';
import { queueWorkerAudit } from './audit';
import { withClinicWorker } from './context';

export type InsightScope = (typeof schema.insightScopeEnum.enumValues)[number];

export type RecomputeResult = {
  clientId: string;
  asOf: string;
  /** Insights the engine reported, each now stored open. */
  current: number;
  opened: number;
  updated: number;
  closed: number;
};

const KINDS: ReadonlySet<string> = new Set(INSIGHT_KINDS);
const MEASURE_KINDS: ReadonlySet<InsightKind> = new Set([
  'band_change',
  'reliable_change',
  'recovery',
  'reliable_recovery',
  'response',
  'remission',
]);

/**
 * The consent a therapist needs to see an insight: what data it rests on. Risk always reaches the
 * assigned therapist (docs/design.md §5); an overdue questionnaire rests on measures, a gap in logging on
 * check-ins.
 */
export function scopeOfInsight(kind: InsightKind, key: string): InsightScope {
  if (kind === 'item9' || kind === 'crisis_language') return 'risk';
  if (MEASURE_KINDS.has(kind)) return 'measures';
  if (kind === 'disengagement' && /^disengagement:(phq9|gad7):/.test(key)) return 'measures';
  return 'checkins';
}

async function loadEngineInput(tx: Transaction, clinicId: string, clientId: string, asOf?: string) {
  const [member] = await tx
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.userId, clientId), eq(schema.memberships.clinicId, clinicId), eq(schema.memberships.role, 'client')));
  const [clinic] = await tx.select().from(schema.clinics).where(eq(schema.clinics.id, clinicId));
  if (!member || !clinic) throw new TandemError('not_found:client');

  const c = schema.checkIns;
  const checkIns = await tx
    .select({ localDate: c.localDate, mood: c.mood, anxiety: c.anxiety, energy: c.energy, sleepHours: c.sleepHours, timeZone: c.timeZone })
    .from(c)
    .where(eq(c.clientId, clientId))
    .orderBy(asc(c.localDate), asc(c.recordedAt));
  // The background role does not read people's profiles; the time zone of the latest check-in is
  // where the client last was, and the clinic's is the fallback for someone who never logged.
  const timeZone = checkIns.at(-1)?.timeZone ?? clinic.timeZone;

  const m = schema.measureResponses;
  const measures = await tx
    .select({ instrument: m.instrument, items: m.items, localDate: m.localDate })
    .from(m)
    .where(eq(m.clientId, clientId))
    .orderBy(asc(m.completedAt));
  const p = schema.pauses;
  const pauses = await tx
    .select({ start: p.startsOn, end: p.endsOn })
    .from(p)
    .where(and(eq(p.clientId, clientId), isNull(p.cancelledAt)));
  const j = schema.journalEntries;
  const journalHits = await tx
    .select({ date: j.localDate })
    .from(j)
    .where(and(eq(j.clientId, clientId), eq(j.crisisLanguage, true)));
  const noteHits = await tx
    .select({ date: c.localDate })
    .from(c)
    .where(and(eq(c.clientId, clientId), isNotNull(c.riskCategory)));
  const r = schema.insightReviews;
  const i = schema.insights;
  const reviewRows = await tx
    .select({ kind: r.kind, direction: i.direction, key: i.key, action: r.action, reason: r.reason, createdAt: r.createdAt })
    .from(r)
    .innerJoin(i, eq(i.id, r.insightId))
    .where(eq(r.clientId, clientId))
    .orderBy(asc(r.createdAt));
  const stored = await tx
    .select({ key: i.key, kind: i.kind, status: i.status, reviewState: i.reviewState, windowStart: i.windowStart, windowEnd: i.windowEnd })
    .from(i)
    .where(eq(i.clientId, clientId));
  const [schedule] = await tx
    .select({ cadenceDays: schema.measureSchedules.cadenceDays })
    .from(schema.measureSchedules)
    .where(eq(schema.measureSchedules.clientId, clientId))
    .orderBy(asc(schema.measureSchedules.cadenceDays))
    .limit(1);

  const reviews: ReviewInput[] = reviewRows.flatMap((row) =>
    KINDS.has(row.kind) && row.action !== 'new'
      ? [
          {
            kind: row.kind as InsightKind,
            direction: row.direction,
            key: row.key,
            outcome: row.action,
            reason: row.reason,
            date: localDateIn(timeZone, row.createdAt),
          },
        ]
      : [],
  );
  const input: EngineInput = {
    asOf: asOf ?? localDateIn(timeZone),
    checkIns,
    measures: measures.map((row) => ({ instrument: row.instrument, items: row.items, completedAt: row.localDate })),
    pauses,
    riskLanguageHits: [
      ...journalHits.map((h) => ({ ...h, source: 'journal' as const })),
      ...noteHits.map((h) => ({ ...h, source: 'check_in_note' as const })),
    ],
    reviews,
    // What a therapist has seen or reviewed keeps its key when the event is recomputed.
    priorInsights: stored.flatMap((row) =>
      KINDS.has(row.kind) && (row.status === 'open' || row.reviewState !== 'new')
        ? [{ key: row.key, kind: row.kind as InsightKind, window: { start: row.windowStart, end: row.windowEnd } }]
        : [],
    ),
    thresholds: { reliableChange: { phq9: clinic.phq9ReliableChange, gad7: clinic.gad7ReliableChange } },
    // The engine takes one cadence: the most frequent questionnaire the therapist asked for.
    measureCadenceDays: schedule?.cadenceDays ?? clinic.measureCadenceDays,
  };
  return { input, stored };
}

function rowOf(clinicId: string, clientId: string, insight: Insight) {
  return {
    clinicId,
    clientId,
    key: insight.key,
    kind: insight.kind,
    scope: scopeOfInsight(insight.kind, insight.key),
    severity: insight.severity,
    direction: insight.direction,
    windowStart: insight.window.start,
    windowEnd: insight.window.end,
    summary: insight.summary,
    evidence: insight.sensitivity ? { ...insight.evidence, sensitivity: insight.sensitivity } : insight.evidence,
    engineVersion: insight.engineVersion,
  };
}

/**
 * Recomputes one client's insights and stores them, as the clinic's background role, in one
 * transaction: upserted by (client, key), so a rerun changes nothing; an open insight the engine
 * no longer reports is a resolved pattern and is closed. Review state is the therapist's and is
 * never touched here. `asOf` defaults to today in the client's time zone.
 *
 * Off the request path: after a check-in or questionnaire commits, the action calls
 * `after(() => recomputeClientInsightsAfterWrite({ clinicId, clientId }))` (`after` from `next/server`).
 */
export async function recomputeClientInsights({
  clinicId,
  clientId,
  asOf,
}: {
  clinicId: string;
  clientId: string;
  asOf?: string;
}): Promise<RecomputeResult> {
  return withClinicWorker(clinicId, async (tx) => {
    // Two check-ins in quick succession start two recomputes: one client's run after the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`insights:${clientId}`}, 0))`);
    const { input, stored } = await loadEngineInput(tx, clinicId, clientId, asOf);
    const byKey = new Map<string, Insight>();
    for (const insight of computeInsights(input)) if (!byKey.has(insight.key)) byKey.set(insight.key, insight);
    const keys = [...byKey.keys()];
    const storedKeys = new Set(stored.map((s) => s.key));
    const i = schema.insights;

    if (keys.length > 0) {
      await tx
        .insert(i)
        .values([...byKey.values()].map((insight) => rowOf(clinicId, clientId, insight)))
        .onConflictDoUpdate({
          target: [i.clientId, i.key],
          set: {
            kind: sql`excluded.kind`,
            scope: sql`excluded.scope`,
            severity: sql`excluded.severity`,
            direction: sql`excluded.direction`,
            windowStart: sql`excluded.window_start`,
            windowEnd: sql`excluded.window_end`,
            summary: sql`excluded.summary`,
            evidence: sql`excluded.evidence`,
            engineVersion: sql`excluded.engine_version`,
            status: 'open',
            closedAt: null,
            updatedAt: sql`now()`,
          },
        });
    }
    const closed = await tx
      .update(i)
      .set({ status: 'closed', closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(i.clientId, clientId), eq(i.status, 'open'), keys.length > 0 ? notInArray(i.key, keys) : undefined))
      .returning({ id: i.id });

    queueWorkerAudit(tx, { action: 'insights.recompute', subjectType: 'insights', subjectClientId: clientId });
    const opened = keys.filter((k) => !storedKeys.has(k)).length;
    return { clientId, asOf: input.asOf, current: keys.length, opened, updated: keys.length - opened, closed: closed.length };
  });
}

/**
 * For `after()` in a page or action: a failed recompute never reaches the client who just saved
 * something. It is logged without content (its error kind only: a failed query's text would carry
 * the insight's words) and the next write, or `npm run insights:recompute`, catches up.
 */
export async function recomputeClientInsightsAfterWrite(args: { clinicId: string; clientId: string }): Promise<void> {
  try {
    await recomputeClientInsights(args);
  } catch (error) {
    const kind = error instanceof TandemError ? error.code : error instanceof Error ? error.name : 'unknown';
    console.error(`[insights] recompute failed for client ${args.clientId} (${kind})`);
  }
}

/** The clients of one clinic, for a whole-clinic recompute. */
export async function listClinicClientIds({ clinicId }: { clinicId: string }): Promise<string[]> {
  return withClinicWorker(clinicId, async (tx) => {
    const rows = await tx
      .select({ userId: schema.memberships.userId })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.clinicId, clinicId), eq(schema.memberships.role, 'client')))
      .orderBy(asc(schema.memberships.createdAt), asc(schema.memberships.userId));
    return rows.map((row) => row.userId);
  });
}

/** One clinic as its background role sees it, or null when there is no such clinic. */
export async function findClinicForRecompute({ clinicId }: { clinicId: string }): Promise<{ id: string; name: string } | null> {
  const [row] = await withClinicWorker(clinicId, (tx) =>
    tx.select({ id: schema.clinics.id, name: schema.clinics.name }).from(schema.clinics).where(eq(schema.clinics.id, clinicId)),
  );
  return row ?? null;
}

/**
 * Every clinic, for the operator's recompute command and the demo seed. Runs on the plain
 * connection, outside any one clinic: never call it from a request. Row-level security is forced,
 * so only a superuser connection (as for `db:seed`) sees the clinics; the server's own login role
 * sees none and names a clinic instead (`findClinicForRecompute`).
 */
export async function listClinicsForRecompute(): Promise<{ id: string; name: string }[]> {
  return getDatabase()
    .select({ id: schema.clinics.id, name: schema.clinics.name })
    .from(schema.clinics)
    .orderBy(asc(schema.clinics.createdAt), asc(schema.clinics.id));
}

export type ClinicRecomputeSummary = {
  clinicId: string;
  clients: number;
  current: number;
  opened: number;
  updated: number;
  closed: number;
};

/**
 * Recomputes every client of one clinic, each in its own transaction: interrupting it loses at
 * most the client in progress, and rerunning it is safe. `onClient` reports progress.
 */
export async function recomputeClinicInsights({
  clinicId,
  asOf,
  onClient,
}: {
  clinicId: string;
  asOf?: string;
  onClient?: (result: RecomputeResult, index: number, total: number) => void;
}): Promise<ClinicRecomputeSummary> {
  const clientIds = await listClinicClientIds({ clinicId });
  const summary: ClinicRecomputeSummary = { clinicId, clients: 0, current: 0, opened: 0, updated: 0, closed: 0 };
  for (const [index, clientId] of clientIds.entries()) {
    const result = await recomputeClientInsights({ clinicId, clientId, asOf });
    summary.clients++;
    summary.current += result.current;
    summary.opened += result.opened;
    summary.updated += result.updated;
    summary.closed += result.closed;
    onClient?.(result, index, clientIds.length);
  }
  return summary;
}

export type StoredInsightRow = {
  key: string;
  kind: string;
  scope: InsightScope;
  severity: string;
  direction: string;
  status: string;
  reviewState: string;
};

/** The insights stored for one client, as the background role sees them (tests, the CLI). */
export async function listStoredInsights({ clinicId, clientId }: { clinicId: string; clientId: string }): Promise<StoredInsightRow[]> {
  return withClinicWorker(clinicId, async (tx) => {
    const i = schema.insights;
    return tx
      .select({
        key: i.key,
        kind: i.kind,
        scope: i.scope,
        severity: i.severity,
        direction: i.direction,
        status: i.status,
        reviewState: i.reviewState,
      })
      .from(i)
      .where(eq(i.clientId, clientId))
      .orderBy(asc(i.status), asc(i.key));
  });
}
