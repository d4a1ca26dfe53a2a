import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryRows, schema, type Transaction } from '@/db';
import { visibleInsights, visibleInsightScopes, type ClientReadAccess } from './access';

// The reads of the therapist's client page. Those below are needed by several of its parts (the
// brief, the timeline, the questionnaires, the signals); the others live beside their part
// (pauses in brief.ts, reviews in insight-reviews.ts, …). Each is one query for everything of its
// kind about the client, and each part narrows the rows in code. A transaction marked with
// `shareReadsIn` (the client page's loader, which only reads) runs each of them once and hands the
// same rows to every part; anywhere else each call reads afresh, so a transaction that writes never
// sees rows from before its own write. Audit events stay with the parts: a read records nothing by
// itself.
//
// Each read is a subquery that yields its rows as one JSON value, so that the loader can run all
// it will need in one statement (`prefetchSharedReads`): one round trip instead of one per read.
// Alone, a read is that subquery selected by itself.

/**
 * One read: its key in the transaction, its SQL (one JSON value), how that value becomes rows, and
 * for check-ins (shared by reach) the first day it reads, null for all.
 */
export type SharedRead<T> = { key: string; json: SQL; decode: (value: unknown) => T; since?: string | null };

type Entry = { rows: Promise<unknown>; since?: string | null };
const sharedIn = new WeakMap<Transaction, Map<string, Entry>>();

/** Lets the parts read inside `tx` share the reads below; for read-only transactions only. */
export function shareReadsIn(tx: Transaction): void {
  sharedIn.set(tx, new Map());
}

async function readAlone<T>(tx: Transaction, read: SharedRead<T>): Promise<T> {
  const [row] = await queryRows<{ v: unknown }>(tx, sql`select ${read.json} as v`);
  return read.decode(row?.v);
}

/** Runs `read`, or hands out its rows when `tx` shares reads and it was read (or prefetched) before. */
export function readShared<T>(tx: Transaction, read: SharedRead<T>): Promise<T> {
  const shared = sharedIn.get(tx);
  if (!shared) return readAlone(tx, read);
  const known = shared.get(read.key);
  if (known) return known.rows as Promise<T>;
  const rows = readAlone(tx, read);
  shared.set(read.key, { rows, since: read.since });
  return rows;
}

/**
 * Runs `reads` in one statement and shares their rows in `tx` (which `shareReadsIn` marked): the
 * parts then find them read. A read already shared is left out; one not listed here still runs
 * when a part asks for it.
 */
export async function prefetchSharedReads(tx: Transaction, reads: readonly SharedRead<unknown>[]): Promise<void> {
  const shared = sharedIn.get(tx);
  if (!shared) throw new Error('prefetchSharedReads needs a transaction marked with shareReadsIn');
  const pending = reads.filter((read) => !shared.has(read.key));
  if (pending.length === 0) return;
  const columns = sql.join(
    pending.map((read, i) => sql`${read.json} as ${sql.identifier(`r${i}`)}`),
    sql`, `,
  );
  const row = queryRows<Record<string, unknown>>(tx, sql`select ${columns}`).then(([first]) => first ?? {});
  for (const [i, read] of pending.entries()) {
    const rows = row.then((r) => read.decode(r[`r${i}`]));
    // If the statement fails, it fails the caller below; a read no part asked for must not go unhandled.
    rows.catch(() => undefined);
    shared.set(read.key, { rows, since: read.since });
  }
  await row;
}

/**
 * `fields` of each row of `from …` (with its joins and where) as a JSON array in `order`, the
 * first `limit` only when given, or [] when there is none.
 */
export function jsonRows(fields: Record<string, AnyColumn | SQL>, from: SQL, order: SQL, limit?: number): SQL {
  const row = sql`json_build_object(${sql.join(
    Object.entries(fields).map(([name, value]) => sql`${sql.raw(`'${name}'`)}, ${value}`),
    sql`, `,
  )})`;
  const rows =
    limit === undefined
      ? sql`select json_agg(${row} order by ${order}) ${from}`
      : sql`select json_agg(x.row order by x.n) from (select ${row} as row, row_number() over (order by ${order}) as n ${from} order by ${order} limit ${limit}) x`;
  return sql`coalesce((${rows}), '[]'::json)`;
}

export const asRows = <T>(value: unknown) => value as T[];

type CheckInRow = { localDate: string; mood: number; tags: string[] };

/** The client's check-ins on `since` and after (every one when null), earliest day first. */
export function checkInsRead(clientId: string, since: string | null): SharedRead<CheckInRow[]> {
  const c = schema.checkIns;
  return {
    key: `checkins:${clientId}`,
    since,
    json: jsonRows(
      { localDate: c.localDate, mood: c.mood, tags: c.tags },
      sql`from ${c} where ${c.clientId} = ${clientId}${since === null ? sql`` : sql` and ${c.localDate} >= ${since}`}`,
      sql`${c.localDate}`,
    ),
    decode: asRows<CheckInRow>,
  };
}

/**
 * The client's check-ins on `since` and after. Shared differently from the rest, by reach: a read
 * from a later day is answered from an earlier read's rows (the loader reads the timeline's
 * check-ins, which reach further back, before the brief's).
 */
export async function clientCheckInRows(tx: Transaction, clientId: string, since: string | null): Promise<CheckInRow[]> {
  const read = checkInsRead(clientId, since);
  const earlier = sharedIn.get(tx)?.get(read.key);
  if (earlier && earlier.since !== undefined && (earlier.since === null || (since !== null && since >= earlier.since))) {
    return ((await earlier.rows) as CheckInRow[]).filter((r) => since === null || r.localDate >= since);
  }
  const rows = readAlone(tx, read);
  sharedIn.get(tx)?.set(read.key, { rows, since });
  return rows;
}

type MeasureRow = Pick<typeof schema.measureResponses.$inferSelect, 'id' | 'instrument' | 'items' | 'difficulty' | 'localDate'>;

/** Every questionnaire the client took, oldest first (by completion time). */
export function measuresRead(clientId: string): SharedRead<MeasureRow[]> {
  const m = schema.measureResponses;
  return {
    key: `measures:${clientId}`,
    json: jsonRows(
      { id: m.id, instrument: m.instrument, items: m.items, difficulty: m.difficulty, localDate: m.localDate },
      sql`from ${m} where ${m.clientId} = ${clientId}`,
      sql`${m.completedAt}`,
    ),
    decode: asRows<MeasureRow>,
  };
}

export const clientMeasureRows = (tx: Transaction, clientId: string) => readShared(tx, measuresRead(clientId));

type InsightRow = Pick<
  typeof schema.insights.$inferSelect,
  | 'id'
  | 'kind'
  | 'severity'
  | 'direction'
  | 'summary'
  | 'windowStart'
  | 'windowEnd'
  | 'evidence'
  | 'status'
  | 'reviewState'
  | 'snoozedUntil'
>;

/** Every insight about the client that `access` may see (open or not), newest detected first. */
export function insightsRead(clientId: string, access: ClientReadAccess): SharedRead<InsightRow[]> {
  const i = schema.insights;
  return {
    key: `insights:${clientId}:${visibleInsightScopes(access).join(',')}`,
    json: jsonRows(
      {
        id: i.id,
        kind: i.kind,
        severity: i.severity,
        direction: i.direction,
        summary: i.summary,
        windowStart: i.windowStart,
        windowEnd: i.windowEnd,
        evidence: i.evidence,
        status: i.status,
        reviewState: i.reviewState,
        snoozedUntil: i.snoozedUntil,
      },
      sql`from ${i} where ${i.clientId} = ${clientId} and ${visibleInsights(access)}`,
      sql`${i.detectedAt} desc`,
    ),
    decode: asRows<InsightRow>,
  };
}

export const clientInsightRows = (tx: Transaction, clientId: string, access: ClientReadAccess) =>
  readShared(tx, insightsRead(clientId, access));

type SessionRow = { noteId: string; sessionDate: string; status: (typeof schema.sessionNotes.$inferSelect)['status'] };

/** Every session note's date and status for the client, earliest session first (no note text). */
export function sessionsRead(clientId: string): SharedRead<SessionRow[]> {
  const n = schema.sessionNotes;
  return {
    key: `sessions:${clientId}`,
    json: jsonRows(
      { noteId: n.id, sessionDate: n.sessionDate, status: n.status },
      sql`from ${n} where ${n.clientId} = ${clientId}`,
      sql`${n.sessionDate}`,
    ),
    decode: asRows<SessionRow>,
  };
}

export const clientSessionRows = (tx: Transaction, clientId: string) => readShared(tx, sessionsRead(clientId));

type AlertRow = Pick<typeof schema.alerts.$inferSelect, 'kind' | 'source' | 'answer' | 'createdAt'>;

/** Every urgent alert raised about the client (for each therapist it reached), oldest first. */
export function alertsRead(clientId: string): SharedRead<AlertRow[]> {
  const a = schema.alerts;
  return {
    key: `alerts:${clientId}`,
    json: jsonRows(
      { kind: a.kind, source: a.source, answer: a.answer, createdAt: a.createdAt },
      sql`from ${a} where ${a.clientId} = ${clientId}`,
      sql`${a.createdAt}`,
    ),
    // JSON carries the time as text: a Date again, as drizzle gives it elsewhere.
    decode: (value) =>
      asRows<Omit<AlertRow, 'createdAt'> & { createdAt: string }>(value).map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
  };
}

export const clientAlertRows = (tx: Transaction, clientId: string) => readShared(tx, alertsRead(clientId));

type ReliableChange = { phq9: number; gad7: number };

/** The clinic's reliable-change thresholds (PHQ-9 and GAD-7 points); undefined if the clinic is not visible. */
export function clinicRead(clinicId: string): SharedRead<ReliableChange | undefined> {
  const c = schema.clinics;
  return {
    key: `clinic:${clinicId}`,
    json: sql`(select json_build_object('phq9', ${c.phq9ReliableChange}, 'gad7', ${c.gad7ReliableChange}) from ${c} where ${c.id} = ${clinicId})`,
    decode: (value) => (value ?? undefined) as ReliableChange | undefined,
  };
}

export const clinicReliableChange = (tx: Transaction, clinicId: string) => readShared(tx, clinicRead(clinicId));
