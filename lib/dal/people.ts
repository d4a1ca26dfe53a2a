import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { queryRows, schema } from '@/db';
import type { Role } from '@/lib/auth/roles';
import { TandemError } from '@/lib/errors';
import { pageOf, sortBy, type TablePage } from '@/lib/tables/table-query';
import type { PeopleQuery, PersonStatus } from '@/lib/validation/admin';
import { flushAudits, queueAudit } from './audit';
import { clientsHeldBy, handOverClients, type HandOver, type HeldClient } from './clinic-caseloads';
import { withActor, type Actor } from './context';

export const PEOPLE_PAGE_SIZE = 20;

export type PersonRow = {
  /** The user id, or the invitation id for someone invited who has not accepted yet. */
  id: string;
  kind: 'member' | 'invitation';
  name: string;
  email: string;
  role: Role;
  status: PersonStatus;
  lastSignInAt: Date | null;
  invitationExpiresAt: Date | null;
  isInvitationExpired: boolean;
  /** Two-factor sign-in is on (an admin may reset it for someone who lost their device). */
  hasTwoFactor: boolean;
};

/** The clinic's people and pending invitations: names, roles, status and last sign-in only. */
export async function listPeople({ actor, query }: { actor: Actor; query: PeopleQuery }): Promise<TablePage<PersonRow>> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const members = await tx
      .select({
        id: schema.users.id,
        name: schema.users.name,
        email: schema.users.email,
        role: schema.memberships.role,
        deactivatedAt: schema.users.deactivatedAt,
        lastSignInAt: schema.users.lastSignInAt,
        totpEnabledAt: schema.users.totpEnabledAt,
      })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId));
    const invitations = await tx
      .select({
        id: schema.invitations.id,
        email: schema.invitations.email,
        role: schema.invitations.role,
        expiresAt: schema.invitations.expiresAt,
      })
      .from(schema.invitations)
      .where(and(isNull(schema.invitations.acceptedAt), isNull(schema.invitations.revokedAt)));
    await queueAudit(tx, actor, { action: 'people.view', subjectType: 'account' });
    const now = new Date();

    const all: PersonRow[] = [
      ...members.map((m) => ({
        id: m.id,
        kind: 'member' as const,
        name: m.name,
        email: m.email,
        role: m.role,
        status: (m.deactivatedAt ? 'deactivated' : 'active') as PersonStatus,
        lastSignInAt: m.lastSignInAt,
        invitationExpiresAt: null,
        isInvitationExpired: false,
        hasTwoFactor: Boolean(m.totpEnabledAt),
      })),
      ...invitations.map((i) => ({
        id: i.id,
        kind: 'invitation' as const,
        name: i.email,
        email: i.email,
        role: i.role,
        status: 'invited' as const,
        lastSignInAt: null,
        invitationExpiresAt: i.expiresAt,
        isInvitationExpired: i.expiresAt.getTime() <= now.getTime(),
        hasTwoFactor: false,
      })),
    ];
    const needle = query.q?.toLowerCase();
    const filtered = all.filter(
      (p) =>
        (!needle || p.name.toLowerCase().includes(needle) || p.email.includes(needle)) &&
        (!query.role || p.role === query.role) &&
        (!query.status || p.status === query.status),
    );
    const key = {
      name: (p: PersonRow) => p.name,
      role: (p: PersonRow) => p.role,
      status: (p: PersonRow) => p.status,
      lastSignIn: (p: PersonRow) => p.lastSignInAt?.getTime() ?? null,
    }[query.sort];
    return pageOf(sortBy(filtered, key, query.dir), query.page, PEOPLE_PAGE_SIZE);
  });
}

/**
 * Deactivates or reactivates a member. Deactivation ends their sessions on their next request
 * and keeps every record; the clinic's last active admin cannot be deactivated, and a therapist
 * with active clients only with a plan for those clients (`handOverClients`), in the same
 * transaction: all of it happens or none of it.
 */
export async function setPersonActive({
  actor,
  userId,
  isActive,
  reassign,
  unassignClients,
}: { actor: Actor; userId: string; isActive: boolean } & HandOver): Promise<void> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  await withActor(actor, async (tx) => {
    // One admin change at a time per clinic, so two admins cannot deactivate each other at once.
    await tx.select({ id: schema.clinics.id }).from(schema.clinics).for('update');
    const [person] = await tx
      .select({ name: schema.users.name, role: schema.memberships.role, deactivatedAt: schema.users.deactivatedAt })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.userId, userId));
    if (!person) throw new TandemError('not_found:person');
    if (!isActive && person.role === 'admin' && !person.deactivatedAt) {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.memberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(and(eq(schema.memberships.role, 'admin'), isNull(schema.users.deactivatedAt), ne(schema.users.id, userId)));
      if (!others || others.n === 0) {
        await queueAudit(tx, actor, { action: 'people.deactivate', subjectType: 'account', subjectId: userId, outcome: 'denied' });
        throw new TandemError('conflict:last_admin');
      }
    }
    if (!isActive && person.role === 'therapist') {
      await handOverClients(tx, actor, { therapistId: userId, therapistName: person.name, reassign, unassignClients });
    }
    // Written first: an admin deactivating themselves has no access left once the update runs.
    await queueAudit(tx, actor, {
      action: isActive ? 'people.reactivate' : 'people.deactivate',
      subjectType: 'account',
      subjectId: userId,
      subjectClientId: person.role === 'client' ? userId : undefined,
    });
    await flushAudits(tx);
    await tx
      .update(schema.users)
      .set(
        isActive
          ? { deactivatedAt: null }
          : { deactivatedAt: person.deactivatedAt ?? new Date(), sessionVersion: sql`${schema.users.sessionVersion} + 1` },
      )
      .where(eq(schema.users.id, userId));
  });
}

export type DeactivationPreview = { therapistId: string; name: string; clients: HeldClient[]; openAlerts: number };

/**
 * What deactivating a therapist would leave behind: their active clients (names, for choosing
 * where each goes) and how many unacknowledged urgent alerts they hold. Counts only.
 */
export async function previewDeactivation({ actor, therapistId }: { actor: Actor; therapistId: string }): Promise<DeactivationPreview> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [therapist] = await tx
      .select({ name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(eq(schema.memberships.userId, therapistId), eq(schema.memberships.role, 'therapist'), isNull(schema.users.deactivatedAt)));
    if (!therapist) throw new TandemError('not_found:person');
    const clients = await clientsHeldBy(tx, therapistId);
    const [held] = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(sum(open_alerts), 0)::int as n from admin_open_alerts() where therapist_id = ${therapistId}`,
    );
    await queueAudit(tx, actor, { action: 'caseload.view', subjectType: 'caseload', subjectId: therapistId });
    return { therapistId, name: therapist.name, clients, openAlerts: held?.n ?? 0 };
  });
}
