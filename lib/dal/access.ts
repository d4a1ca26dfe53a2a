import 'server-only';
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { schema, type Transaction } from '@/db';
import { queueAudit, type AuditEntry } from './audit';
import type { Actor } from './context';

export type Scope = (typeof schema.consentScopeEnum.enumValues)[number];

type AssignmentParties = { clinicId: string; clientId: string; therapistId: string };

/** The active assignment of this client to this therapist in this clinic, as a condition on assignments. */
function activeAssignment({ clinicId, clientId, therapistId }: AssignmentParties) {
  const a = schema.assignments;
  return and(eq(a.therapistId, therapistId), eq(a.clientId, clientId), eq(a.clinicId, clinicId), isNull(a.endedAt));
}

/** Whether this client is actively assigned to this therapist in this clinic. */
export async function hasActiveAssignment(tx: Transaction, parties: AssignmentParties): Promise<boolean> {
  const [row] = await tx.select({ id: schema.assignments.id }).from(schema.assignments).where(activeAssignment(parties)).limit(1);
  return Boolean(row);
}

/**
 * The gate of every read and write of one client's record: admits their assigned therapist;
 * anyone else is audited as denied. A malformed id names nobody and is refused unaudited.
 *
 * `read` may fetch what the caller needs in the same statement as the check: it is handed the
 * check as a boolean SQL expression and returns the row with that expression's value as
 * `admitted` (undefined when no row is visible). Only a row with `admitted` true is returned.
 */
export async function admitAssignedTherapistWith<T extends { admitted: boolean }>(
  tx: Transaction,
  actor: Actor,
  clientId: string,
  audit: Pick<AuditEntry, 'action' | 'subjectType'>,
  read: (isAssigned: SQL<boolean>) => Promise<T | undefined>,
): Promise<T | null> {
  if (!z.uuid().safeParse(clientId).success) return null;
  if (actor.role === 'therapist') {
    const assignment = activeAssignment({ clinicId: actor.clinicId, clientId, therapistId: actor.userId });
    const row = await read(sql<boolean>`exists (select 1 from ${schema.assignments} where ${assignment})`);
    if (row?.admitted) return row;
  }
  await queueAudit(tx, actor, { ...audit, subjectClientId: clientId, outcome: 'denied' });
  return null;
}

/** The gate alone (`admitAssignedTherapistWith` reading nothing else): true for the client's assigned therapist. */
export async function admitAssignedTherapist(
  tx: Transaction,
  actor: Actor,
  clientId: string,
  audit: Pick<AuditEntry, 'action' | 'subjectType'>,
): Promise<boolean> {
  const admitted = await admitAssignedTherapistWith(tx, actor, clientId, audit, async (isAssigned) => {
    const [row] = await tx.select({ admitted: isAssigned }).from(sql`(select 1) as gate`);
    return row;
  });
  return admitted !== null;
}

/** Whether the actor is a therapist with an active assignment to this client. */
export async function isAssignedTherapist(tx: Transaction, actor: Actor, clientId: string): Promise<boolean> {
  if (actor.role !== 'therapist') return false;
  return hasActiveAssignment(tx, { clinicId: actor.clinicId, clientId, therapistId: actor.userId });
}

/** The therapists a client is actively assigned to, by name, with when each assignment began. */
export async function listTherapistsOfClient(tx: Transaction, clientId: string) {
  const a = schema.assignments;
  return tx
    .select({ therapistId: a.therapistId, name: schema.users.name, assignedSince: a.startedAt })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.therapistId))
    .where(and(eq(a.clientId, clientId), isNull(a.endedAt)))
    .orderBy(asc(schema.users.name));
}

/** A grant is live when it is neither revoked nor past its end date. */
export function liveGrant(now: Date) {
  return and(isNull(schema.consentGrants.revokedAt), or(isNull(schema.consentGrants.expiresAt), gt(schema.consentGrants.expiresAt, now)));
}

/**
 * What one reader may see of one client. `self`: the client, reading their own record; otherwise
 * their assigned therapist (nobody else is ever admitted to a client's record), with the scopes
 * the client shares with them live.
 */
export type ClientReadAccess = { self: boolean; sharing: readonly Scope[] };

/**
 * Who may read a client's check-ins, measures, journal or companion: the client always; their
 * assigned therapist only while the client shares that scope with them. The one rule behind every
 * read of these, for every role; underneath, the policies ask `app_consented_clients(scope)`
 * (db/migrations/0001_row_level_security.sql), and lib/dal/access-agreement.test.ts checks that
 * the two agree.
 */
export function mayRead(access: ClientReadAccess, scope: Scope): boolean {
  return access.self || access.sharing.includes(scope);
}

/** The actor's access to this client's record, or null when they have none (not the client, not assigned). */
async function readAccessOf(tx: Transaction, actor: Actor, clientId: string): Promise<ClientReadAccess | null> {
  if (actor.role === 'client') return actor.userId === clientId ? { self: true, sharing: [] } : null;
  if (!(await isAssignedTherapist(tx, actor, clientId))) return null;
  return { self: false, sharing: await sharedScopes(tx, actor, clientId) };
}

/** May the actor read this client's data of this scope? (`mayRead` on the actor's access.) */
export async function canReadClientScope(tx: Transaction, actor: Actor, clientId: string, scope: Scope): Promise<boolean> {
  const access = await readAccessOf(tx, actor, clientId);
  return access !== null && mayRead(access, scope);
}

/** The client's live grants to this therapist: what they share. */
function liveSharing(actor: Actor, clientId: string) {
  const g = schema.consentGrants;
  return and(eq(g.clientId, clientId), eq(g.therapistId, actor.userId), liveGrant(new Date()));
}

/** What the client shares live with this therapist, sorted. */
export async function sharedScopes(tx: Transaction, actor: Actor, clientId: string): Promise<Scope[]> {
  const g = schema.consentGrants;
  const rows = await tx.select({ scope: g.scope }).from(g).where(liveSharing(actor, clientId));
  return [...new Set(rows.map((r) => r.scope))].sort();
}

/** `sharedScopes` as a column, for a query that reads more about the client in the same statement. */
export function sharedScopesColumn(tx: Transaction, actor: Actor, clientId: string) {
  const g = schema.consentGrants;
  const live = tx.selectDistinct({ scope: g.scope }).from(g).where(liveSharing(actor, clientId));
  return sql<Scope[]>`(select coalesce(json_agg(live.scope order by live.scope::text), '[]'::json) from (${live}) as live)`;
}

/**
 * The insights a reader may see, as a condition: risk always (the safety exception), the others
 * only while the reader may read the data they rest on. The policies say the same underneath.
 */
export function visibleInsights(access: ClientReadAccess) {
  return inArray(schema.insights.scope, visibleInsightScopes(access));
}

/** The insight scopes behind `visibleInsights`: risk, and each of check-ins and measures the reader may read. */
export function visibleInsightScopes(access: ClientReadAccess) {
  // Insights rest on check-ins and measures only: none on the journal's words or the companion's
  // summaries (risk language in either is a 'risk' insight).
  const readable = (['checkins', 'measures'] as const).filter((scope) => mayRead(access, scope));
  return ['risk' as const, ...readable];
}
