import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { bandFor } from '@/lib/clinical/bands';
import { answeredItems, DIFFICULTY_OPTIONS, instrumentDefinition, type AnsweredItem, type Instrument } from '@/lib/clinical/instruments';
import { assessOutcome } from '@/lib/clinical/outcomes';
import { totalScore } from '@/lib/clinical/scoring';
import { resolveThresholds } from '@/lib/clinical/thresholds';
import { buildTimeline, BASELINE, rangeStart, type TimelineData, type TimelineRange } from '@/lib/clinical/timeline';
import { addDays, localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import { admitAssignedTherapistWith, mayRead, sharedScopesColumn, type ClientReadAccess, type Scope } from './access';
import { queueAudit, type AuditEntry } from './audit';
import { withActor, type Actor } from './context';
import { decryptJournalText, readJournalRows, type SealedJournalEntry } from './journal';
import {
  asRows,
  clientAlertRows,
  clientCheckInRows,
  clientInsightRows,
  clientMeasureRows,
  clientSessionRows,
  clinicReliableChange,
  jsonRows,
  readShared,
  type SharedRead,
} from './shared-reads';

// The therapist's view of one client. Every read checks, inside its own transaction, that the
// actor is the client's assigned therapist (else not_found) and which scopes the client shares
// with them right now; row-level security applies the same rules underneath.

/** An admitted therapist's access to one client's record: never the client's own (`self` is false). */
export type ClientAccess = ClientReadAccess & { self: false; clientId: string; name: string; timeZone: string; sharing: Scope[] };

const DENIED = Symbol('denied');

/**
 * Runs `work` for the assigned therapist of `clientId`; anyone else (another therapist of the
 * clinic, another clinic, an admin, a client) is audited as denied and gets not_found:client.
 */
export async function withAssignedClient<T>(
  actor: Actor,
  clientId: string,
  audit: Pick<AuditEntry, 'action' | 'subjectType'>,
  work: (tx: Transaction, client: ClientAccess) => Promise<T>,
): Promise<T> {
  const result = await withActor(actor, async (tx) => {
    const client = await admitClient(tx, actor, clientId, audit);
    return client ? work(tx, client) : DENIED;
  });
  if (result === DENIED) throw new TandemError('not_found:client');
  return result;
}

/**
 * Inside a transaction: the client's name, zone and what they share with the actor, when the actor
 * is their assigned therapist; otherwise null, with the refusal audited as `audit`.
 */
export async function admitClient(
  tx: Transaction,
  actor: Actor,
  clientId: string,
  audit: Pick<AuditEntry, 'action' | 'subjectType'>,
): Promise<ClientAccess | null> {
  const row = await admitAssignedTherapistWith(tx, actor, clientId, audit, async (isAssigned) => {
    const [user] = await tx
      .select({ ...clientAccessColumns(tx, actor, clientId), admitted: isAssigned })
      .from(schema.users)
      .where(eq(schema.users.id, clientId));
    return user;
  });
  return row && { self: false, clientId, name: row.name, timeZone: row.timeZone, sharing: row.sharing };
}

/** The client's name, zone and what they share with the actor, as columns of a read of users. */
function clientAccessColumns(tx: Transaction, actor: Actor, clientId: string) {
  return { name: schema.users.name, timeZone: schema.users.timeZone, sharing: sharedScopesColumn(tx, actor, clientId) };
}

/** Inside a transaction that has already admitted the client's assigned therapist: the client's name, zone and sharing. */
export async function clientAccessOf(tx: Transaction, actor: Actor, clientId: string): Promise<ClientAccess | null> {
  const [user] = await tx
    .select(clientAccessColumns(tx, actor, clientId))
    .from(schema.users)
    .where(eq(schema.users.id, clientId));
  if (!user) return null;
  return { self: false, clientId, name: user.name, timeZone: user.timeZone, sharing: user.sharing };
}

/** The client's name and what they share: the heading of every page about them. */
export async function getClientOverview({ actor, clientId }: { actor: Actor; clientId: string }): Promise<ClientAccess> {
  return withAssignedClient(actor, clientId, { action: 'client.view', subjectType: 'caseload' }, async (tx, client) =>
    readOverview(tx, actor, client),
  );
}

/** The overview's read inside an admitted transaction: audited as the client's record being opened. */
export async function readOverview(tx: Transaction, actor: Actor, client: ClientAccess): Promise<ClientAccess> {
  await queueAudit(tx, actor, { action: 'client.view', subjectType: 'caseload', subjectClientId: client.clientId });
  return client;
}

/**
 * The timeline: daily mood, 7-day mean and personal baseline (if check-ins are shared),
 * questionnaire totals (if measures are shared), signal windows and change points, session dates.
 */
export async function getClientTimeline({
  actor,
  clientId,
  range,
}: {
  actor: Actor;
  clientId: string;
  range: TimelineRange;
}): Promise<TimelineData> {
  return withAssignedClient(actor, clientId, { action: 'timeline.read', subjectType: 'check_ins' }, (tx, client) =>
    readTimeline(tx, actor, client, range),
  );
}

/** The client's today, the range's first day, and the first day of check-ins the timeline reads (null: all). */
export function timelineDays(client: Pick<ClientAccess, 'timeZone'>, range: TimelineRange) {
  const to = localDateIn(client.timeZone);
  const earliest = range === 'all' ? null : rangeStart(range, to, null);
  // The personal baseline may lie before a short range, so check-ins are read from its start.
  const baselineStart = addDays(to, -(BASELINE.recentDays + BASELINE.days - 1));
  const checkInsFrom = earliest === null ? null : earliest < baselineStart ? earliest : baselineStart;
  return { to, earliest, checkInsFrom };
}

/** The timeline's reads inside an admitted transaction (`withAssignedClient` or the client page's loader). */
export async function readTimeline(tx: Transaction, actor: Actor, client: ClientAccess, range: TimelineRange): Promise<TimelineData> {
  const { clientId } = client;
  const { to, earliest, checkInsFrom } = timelineDays(client, range);
  const canSeeCheckIns = mayRead(client, 'checkins');
  const canSeeMeasures = mayRead(client, 'measures');

  let checkIns = null;
  if (canSeeCheckIns) {
    checkIns = await clientCheckInRows(tx, clientId, checkInsFrom);
    await queueAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: clientId });
  }
  let measures = null;
  if (canSeeMeasures) {
    measures = (await clientMeasureRows(tx, clientId))
      .filter((r) => earliest === null || r.localDate >= earliest)
      .map((r) => ({ id: r.id, instrument: r.instrument, localDate: r.localDate, total: totalScore(r.instrument, r.items) }));
    await queueAudit(tx, actor, { action: 'measures.read', subjectType: 'measures', subjectClientId: clientId });
  }
  const insights = (await clientInsightRows(tx, clientId, client))
    .filter((i) => i.status === 'open')
    .map((i) => ({ id: i.id, kind: i.kind, summary: i.summary, windowStart: i.windowStart, windowEnd: i.windowEnd }))
    .sort((x, y) => (x.windowStart < y.windowStart ? -1 : x.windowStart > y.windowStart ? 1 : 0));
  const sessions = await clientSessionRows(tx, clientId);
  await queueAudit(tx, actor, { action: 'insights.read', subjectType: 'insights', subjectClientId: clientId });
  // Urgent alerts reach the assigned therapist whatever is shared (docs/design.md §5): marked on the timeline.
  const alertsFrom = earliest === null ? null : new Date(`${addDays(earliest, -1)}T00:00:00Z`);
  const alerts = (await clientAlertRows(tx, clientId)).filter((x) => alertsFrom === null || x.createdAt >= alertsFrom);
  await queueAudit(tx, actor, { action: 'alerts.read', subjectType: 'alerts', subjectClientId: clientId });
  const riskAnswers = alerts.map((x) => ({ kind: x.kind, answer: x.answer, localDate: localDateIn(client.timeZone, x.createdAt) }));
  return buildTimeline({ range, to, checkIns, measures, insights, sessions, riskAnswers });
}

export type MeasureItemDto = AnsweredItem;
export type ReliableChangeVerdict = 'reliable_improvement' | 'reliable_deterioration' | 'no_reliable_change';
export type MeasureAdministrationDto = {
  id: string;
  instrument: Instrument;
  name: string;
  localDate: string;
  total: number;
  maxScore: number;
  bandLabel: string;
  /** Against the previous administration of the same questionnaire; null for the first. */
  change: number | null;
  verdict: ReliableChangeVerdict | null;
  reliableChangePoints: number;
  items: MeasureItemDto[];
  difficulty: string | null;
};

/**
 * Every PHQ-9 and GAD-7 the client took, newest first, with band, change, reliable-change verdict
 * (the clinic's thresholds) and the item answers in the published wording. Null when the client
 * does not share questionnaires with this therapist.
 */
export async function listMeasureAdministrations({
  actor,
  clientId,
}: {
  actor: Actor;
  clientId: string;
}): Promise<MeasureAdministrationDto[] | null> {
  return withAssignedClient(actor, clientId, { action: 'measures.read', subjectType: 'measures' }, (tx, client) =>
    readMeasureAdministrations(tx, actor, client),
  );
}

/** The questionnaires' reads inside an admitted transaction; null while measures are not shared. */
export async function readMeasureAdministrations(
  tx: Transaction,
  actor: Actor,
  client: ClientAccess,
): Promise<MeasureAdministrationDto[] | null> {
  const { clientId } = client;
  if (!mayRead(client, 'measures')) return null;
  const clinic = await clinicReliableChange(tx, actor.clinicId);
  // Reliable change: PHQ-9 6 and GAD-7 4 points by default (NHS Talking Therapies manual); each clinic may set its own.
  const thresholds = resolveThresholds({ reliableChange: clinic ? { phq9: clinic.phq9, gad7: clinic.gad7 } : {} });
  const rows = await clientMeasureRows(tx, clientId);
  await queueAudit(tx, actor, { action: 'measures.read', subjectType: 'measures', subjectClientId: clientId });
  const previous = new Map<Instrument, number>();
  const out: MeasureAdministrationDto[] = rows.map((r) => {
    const definition = instrumentDefinition(r.instrument);
    const total = totalScore(r.instrument, r.items);
    const before = previous.get(r.instrument);
    previous.set(r.instrument, total);
    const outcome = before === undefined ? null : assessOutcome(r.instrument, before, total, thresholds);
    return {
      id: r.id,
      instrument: r.instrument,
      name: definition.name,
      localDate: r.localDate,
      total,
      maxScore: definition.maxScore,
      bandLabel: bandFor(r.instrument, total).label,
      change: outcome ? outcome.change : null,
      verdict: outcome
        ? outcome.reliableImprovement
          ? 'reliable_improvement'
          : outcome.reliableDeterioration
            ? 'reliable_deterioration'
            : 'no_reliable_change'
        : null,
      reliableChangePoints: thresholds.reliableChange[r.instrument],
      items: answeredItems(r.instrument, r.items),
      difficulty: r.difficulty === null ? null : (DIFFICULTY_OPTIONS[r.difficulty]?.label ?? null),
    };
  });
  return out.reverse();
}

export type SharedJournalEntry = { id: string; localDate: string; text: string };

/** The client's recent journal entries, decrypted, while they share their journal; else null. */
export async function listSharedJournal({
  actor,
  clientId,
  limit = 20,
}: {
  actor: Actor;
  clientId: string;
  limit?: number;
}): Promise<SharedJournalEntry[] | null> {
  const rows = await withAssignedClient(actor, clientId, { action: 'journal.read', subjectType: 'journal' }, (tx, client) =>
    readSharedJournal(tx, actor, client, limit),
  );
  return rows && decryptJournal(rows);
}

/** The journal's read inside an admitted transaction, still sealed (decrypted after commit); null while not shared. */
export async function readSharedJournal(
  tx: Transaction,
  actor: Actor,
  client: ClientAccess,
  limit = 20,
): Promise<SealedJournalEntry[] | null> {
  return mayRead(client, 'journal') ? readJournalRows(tx, actor, client.clientId, limit) : null;
}

export function decryptJournal(rows: readonly SealedJournalEntry[]): SharedJournalEntry[] {
  return rows.map((r) => ({ id: r.id, localDate: r.localDate, text: decryptJournalText(r) }));
}

export type CheckInNoteDto = { id: string; localDate: string; mood: number; tags: string[]; note: string | null };

/** Recent check-ins that carry a note or tags, while the client shares check-ins; else null. */
export async function listCheckInNotes({
  actor,
  clientId,
  limit = 30,
}: {
  actor: Actor;
  clientId: string;
  limit?: number;
}): Promise<CheckInNoteDto[] | null> {
  return withAssignedClient(actor, clientId, { action: 'check_ins.read', subjectType: 'check_ins' }, (tx, client) =>
    readCheckInNotes(tx, actor, client, limit),
  );
}

/** The client's latest `limit` check-ins (at most 200) that carry a note or tags, newest first. */
export function checkInNotesRead(clientId: string, limit = 30): SharedRead<CheckInNoteDto[]> {
  const c = schema.checkIns;
  const count = Math.min(Math.max(limit, 1), 200);
  return {
    key: `checkin-notes:${clientId}:${count}`,
    json: jsonRows(
      { id: c.id, localDate: c.localDate, mood: c.mood, tags: c.tags, note: c.note },
      sql`from ${c} where ${c.clientId} = ${clientId} and (${c.note} is not null or cardinality(${c.tags}) > 0)`,
      sql`${c.localDate} desc, ${c.recordedAt} desc`,
      count,
    ),
    decode: asRows<CheckInNoteDto>,
  };
}

/** The check-in notes' read inside an admitted transaction; null while check-ins are not shared. */
export async function readCheckInNotes(tx: Transaction, actor: Actor, client: ClientAccess, limit = 30): Promise<CheckInNoteDto[] | null> {
  const { clientId } = client;
  if (!mayRead(client, 'checkins')) return null;
  const rows = await readShared(tx, checkInNotesRead(clientId, limit));
  await queueAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: clientId });
  return rows;
}
