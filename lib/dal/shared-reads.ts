import 'server-only';
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { visibleInsights, visibleInsightScopes, type ClientReadAccess } from './access';

// Reads that several parts of the therapist's client page need (the brief, the timeline, the
// questionnaires, the signals): each is one query for everything of its kind about the client,
// and each part narrows the rows in code. A transaction marked with `shareReadsIn` (the client
// page's loader, which only reads) runs each of them once and hands the same rows to every part;
// anywhere else each call reads afresh, so a transaction that writes never sees rows from before
// its own write. Audit events stay with the parts: a shared read records nothing by itself.

const sharedIn = new WeakMap<Transaction, Map<string, unknown>>();

/** Lets the parts read inside `tx` share the reads below; for read-only transactions only. */
export function shareReadsIn(tx: Transaction): void {
  sharedIn.set(tx, new Map());
}

function once<T>(tx: Transaction, key: string, read: () => PromiseLike<T>): Promise<T> {
  const shared = sharedIn.get(tx);
  if (!shared) return Promise.resolve(read());
  const known = shared.get(key);
  if (known) return known as Promise<T>;
  // A drizzle query runs each time it is awaited: settle it once, and share the settled promise.
  const reading = Promise.resolve(read());
  shared.set(key, reading);
  return reading;
}

type CheckInRow = { localDate: string; mood: number; tags: string[] };

/**
 * The client's check-ins on `since` and after (every one when null), earliest day first. Shared
 * differently from the rest, by reach: a read from a later day is answered from an earlier read's
 * rows (the loader reads the timeline, which reaches further back, before the brief).
 */
export async function clientCheckInRows(tx: Transaction, clientId: string, since: string | null): Promise<CheckInRow[]> {
  const shared = sharedIn.get(tx);
  const key = `checkins:${clientId}`;
  const earlier = shared?.get(key) as { since: string | null; rows: Promise<CheckInRow[]> } | undefined;
  if (earlier && (earlier.since === null || (since !== null && since >= earlier.since))) {
    return (await earlier.rows).filter((r) => since === null || r.localDate >= since);
  }
  const c = schema.checkIns;
  const rows = Promise.resolve(
    tx
      .select({ localDate: c.localDate, mood: c.mood, tags: c.tags })
      .from(c)
      .where(and(eq(c.clientId, clientId), since === null ? undefined : gte(c.localDate, since)))
      .orderBy(asc(c.localDate)),
  );
  shared?.set(key, { since, rows });
  return rows;
}

/** Every questionnaire the client took, oldest first (by completion time). */
export function clientMeasureRows(tx: Transaction, clientId: string) {
  const m = schema.measureResponses;
  return once(tx, `measures:${clientId}`, () =>
    tx
      .select({ id: m.id, instrument: m.instrument, items: m.items, difficulty: m.difficulty, localDate: m.localDate })
      .from(m)
      .where(eq(m.clientId, clientId))
      .orderBy(asc(m.completedAt)),
  );
}

/** Every insight about the client that `access` may see (open or not), newest detected first. */
export function clientInsightRows(tx: Transaction, clientId: string, access: ClientReadAccess) {
  const i = schema.insights;
  return once(tx, `insights:${clientId}:${visibleInsightScopes(access).join(',')}`, () =>
    tx
      .select({
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
      })
      .from(i)
      .where(and(eq(i.clientId, clientId), visibleInsights(access)))
      .orderBy(desc(i.detectedAt)),
  );
}

/** Every session note's date and status for the client, earliest session first (no note text). */
export function clientSessionRows(tx: Transaction, clientId: string) {
  const n = schema.sessionNotes;
  return once(tx, `sessions:${clientId}`, () =>
    tx
      .select({ noteId: n.id, sessionDate: n.sessionDate, status: n.status })
      .from(n)
      .where(eq(n.clientId, clientId))
      .orderBy(asc(n.sessionDate)),
  );
}

/** Every urgent alert raised about the client (for each therapist it reached), oldest first. */
export function clientAlertRows(tx: Transaction, clientId: string) {
  const a = schema.alerts;
  return once(tx, `alerts:${clientId}`, () =>
    tx
      .select({ kind: a.kind, source: a.source, answer: a.answer, createdAt: a.createdAt })
      .from(a)
      .where(eq(a.clientId, clientId))
      .orderBy(asc(a.createdAt)),
  );
}

/** The clinic's reliable-change thresholds (PHQ-9 and GAD-7 points); undefined if the clinic is not visible. */
export async function clinicReliableChange(tx: Transaction, clinicId: string) {
  const c = schema.clinics;
  const [clinic] = await once(tx, `clinic:${clinicId}`, () =>
    tx.select({ phq9: c.phq9ReliableChange, gad7: c.gad7ReliableChange }).from(c).where(eq(c.id, clinicId)),
  );
  return clinic;
}
