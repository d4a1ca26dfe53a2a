import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, schema } from '@/db';
import { daysOverdue, daysWithoutCheckIn, isNotLogging, NOT_LOGGING_DAYS } from '@/lib/insights/definitions';
import { TandemError } from '@/lib/errors';
import type { AssignClientsInput, ReassignmentPlan } from '@/lib/validation/admin';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';
import type { Transaction } from '@/db';

export { NOT_LOGGING_DAYS };

export type TherapistCaseload = {
  therapistId: string;
  name: string;
  isDeactivated: boolean;
  capacity: number | null;
  activeClients: number;
  notLogging: number;
  overdueMeasures: number;
  waitingAlerts: number;
};

export type WaitingAlert = { clientId: string; clientName: string; therapistName: string | null; waitingSince: Date };
export type ClientPlacement = {
  clientId: string;
  name: string;
  therapistId: string | null;
  therapistName: string | null;
  isDeactivated: boolean;
};

export type ClinicCaseloads = {
  therapists: TherapistCaseload[];
  waitingAlerts: WaitingAlert[];
  clients: ClientPlacement[];
};

type DateValue = string | Date;
type ActivityRow = {
  client_id: string;
  today: DateValue;
  joined_on: DateValue;
  last_check_in_on: DateValue | null;
  phq9_last_on: DateValue | null;
  gad7_last_on: DateValue | null;
  phq9_cadence: number;
  gad7_cadence: number;
  is_paused: boolean;
};
type WaitingRow = { client_id: string; waiting_since: string | Date };

function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
}

const isoDay = (value: DateValue) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

async function placements(tx: Transaction): Promise<ClientPlacement[]> {
  const a = schema.assignments;
  const rows = await queryRows<{
    client_id: string;
    name: string;
    deactivated_at: string | null;
    therapist_id: string | null;
    therapist_name: string | null;
  }>(
    tx,
    sql`select u.id as client_id, u.name, u.deactivated_at, t.id as therapist_id, t.name as therapist_name
          from ${schema.memberships} m
          join ${schema.users} u on u.id = m.user_id
          left join ${a} on ${a.clientId} = u.id and ${a.endedAt} is null
          left join ${schema.users} t on t.id = ${a.therapistId}
         where m.role = 'client'
         order by u.name, u.id`,
  );
  return rows.map((r) => ({
    clientId: r.client_id,
    name: r.name,
    therapistId: r.therapist_id,
    therapistName: r.therapist_name,
    isDeactivated: Boolean(r.deactivated_at),
  }));
}

/**
 * Every therapist's load and what needs the admin's attention, as counts and dates: no check-in
 * values, answers or alert content ever leave the database for this view.
 */
export async function listCaseloads({ actor }: { actor: Actor }): Promise<ClinicCaseloads> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const therapists = await tx
      .select({
        therapistId: schema.users.id,
        name: schema.users.name,
        deactivatedAt: schema.users.deactivatedAt,
        capacity: schema.memberships.caseloadCapacity,
      })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.role, 'therapist'))
      .orderBy(schema.users.name);
    const clients = await placements(tx);
    const activity = await queryRows<ActivityRow>(
      tx,
      sql`select client_id, today::text as today, joined_on::text as joined_on, last_check_in_on::text as last_check_in_on,
                phq9_last_on::text as phq9_last_on, gad7_last_on::text as gad7_last_on, phq9_cadence, gad7_cadence, is_paused
           from admin_client_activity()`,
    );
    const waiting = await queryRows<WaitingRow>(tx, sql`select * from admin_waiting_alerts() order by waiting_since`);
    await queueAudit(tx, actor, { action: 'caseload.view', subjectType: 'caseload' });

    const byClient = new Map(activity.map((r) => [r.client_id, r]));
    // The rules are the therapist's caseload's (lib/insights/definitions), in the client's calendar.
    const notLogging = (clientId: string) => {
      const row = byClient.get(clientId);
      if (!row) return false;
      const silent = daysWithoutCheckIn(
        row.last_check_in_on === null ? null : isoDay(row.last_check_in_on),
        isoDay(row.joined_on),
        isoDay(row.today),
      );
      return isNotLogging(silent, row.is_paused);
    };
    const hasOverdue = (clientId: string) => {
      const row = byClient.get(clientId);
      if (!row) return false;
      const joinedOn = isoDay(row.joined_on);
      const today = isoDay(row.today);
      const overdue = (last: DateValue | null, cadenceDays: number) =>
        daysOverdue({ lastCompletedOn: last === null ? null : isoDay(last), joinedOn, cadenceDays, today }) > 0;
      return overdue(row.phq9_last_on, row.phq9_cadence) || overdue(row.gad7_last_on, row.gad7_cadence);
    };
    const placementOf = new Map(clients.map((c) => [c.clientId, c]));
    const waitingAlerts = waiting.map((w) => {
      const placement = placementOf.get(w.client_id);
      return {
        clientId: w.client_id,
        clientName: placement?.name ?? 'A former client',
        therapistName: placement?.therapistName ?? null,
        waitingSince: new Date(w.waiting_since),
      };
    });

    return {
      therapists: therapists.map((t) => {
        const own = clients.filter((c) => c.therapistId === t.therapistId && !c.isDeactivated);
        return {
          therapistId: t.therapistId,
          name: t.name,
          isDeactivated: Boolean(t.deactivatedAt),
          capacity: t.capacity,
          activeClients: own.length,
          notLogging: own.filter((c) => notLogging(c.clientId)).length,
          overdueMeasures: own.filter((c) => hasOverdue(c.clientId)).length,
          waitingAlerts: waiting.filter((w) => own.some((c) => c.clientId === w.client_id)).length,
        };
      }),
      waitingAlerts,
      clients,
    };
  });
}

export type AssignmentPreviewRow = {
  clientId: string;
  clientName: string;
  fromTherapistName: string | null;
  isUnchanged: boolean;
};
export type AssignmentPreview = { therapistId: string; therapistName: string; rows: AssignmentPreviewRow[] };

async function loadTarget(tx: Transaction, actor: Actor, input: AssignClientsInput) {
  const [therapist] = await tx
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(
      and(eq(schema.memberships.userId, input.therapistId), eq(schema.memberships.role, 'therapist'), isNull(schema.users.deactivatedAt)),
    );
  if (!therapist) throw new TandemError('not_found:person');
  const wanted = new Set(input.clientIds);
  const chosen = (await placements(tx)).filter((c) => wanted.has(c.clientId));
  const found = new Set(chosen.map((c) => c.clientId));
  if (found.size !== wanted.size) {
    const missing = input.clientIds.find((id) => !found.has(id));
    await queueAudit(tx, actor, { action: 'caseload.assign', subjectType: 'caseload', subjectClientId: missing, outcome: 'denied' });
    throw new TandemError('not_found:client');
  }
  return { therapist, chosen };
}

/** What an assignment would change, before anything changes. */
export async function previewAssignment({ actor, input }: { actor: Actor; input: AssignClientsInput }): Promise<AssignmentPreview> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const { therapist, chosen } = await loadTarget(tx, actor, input);
    return {
      therapistId: therapist.id,
      therapistName: therapist.name,
      rows: chosen.map((c) => ({
        clientId: c.clientId,
        clientName: c.name,
        fromTherapistName: c.therapistName,
        isUnchanged: c.therapistId === therapist.id,
      })),
    };
  });
}

/**
 * Moves the chosen clients to the therapist inside the caller's transaction. A previous
 * assignment ends now (kept as history), so the old therapist loses access on their next request;
 * the database then revokes the client's grants to them (consent does not carry over) and
 * readdresses their unacknowledged alerts to the new therapist. Each change is audited.
 */
async function moveClients(tx: Transaction, actor: Actor, input: AssignClientsInput): Promise<{ changed: number; unchanged: number }> {
  const { therapist, chosen } = await loadTarget(tx, actor, input);
  const moving = chosen.filter((c) => c.therapistId !== therapist.id);
  if (moving.length > 0) {
    const ids = moving.map((c) => c.clientId);
    const now = new Date();
    await tx
      .update(schema.assignments)
      .set({ endedAt: now })
      .where(and(inArray(schema.assignments.clientId, ids), isNull(schema.assignments.endedAt)));
    await tx.insert(schema.assignments).values(
      ids.map((clientId) => ({
        clinicId: actor.clinicId,
        clientId,
        therapistId: therapist.id,
        assignedBy: actor.userId,
        startedAt: now,
      })),
    );
    for (const c of moving) {
      await queueAudit(tx, actor, {
        action: c.therapistId ? 'caseload.reassign' : 'caseload.assign',
        subjectType: 'caseload',
        subjectId: therapist.id,
        subjectClientId: c.clientId,
      });
    }
  }
  return { changed: moving.length, unchanged: chosen.length - moving.length };
}

/** Assigns one or many clients to a therapist (see `moveClients`). */
export async function assignClients({
  actor,
  input,
}: {
  actor: Actor;
  input: AssignClientsInput;
}): Promise<{ changed: number; unchanged: number }> {
  requireAdmin(actor);
  return withActor(actor, (tx) => moveClients(tx, actor, input));
}

export type HeldClient = { clientId: string; name: string; openAlerts: number };

/**
 * The active clients a therapist is assigned to now, each with the unacknowledged urgent alerts
 * addressed to that therapist: counts only, never what an alert says.
 */
export async function clientsHeldBy(tx: Transaction, therapistId: string): Promise<HeldClient[]> {
  const a = schema.assignments;
  const rows = await queryRows<{ client_id: string; name: string; open_alerts: number | null }>(
    tx,
    sql`select u.id as client_id, u.name, o.open_alerts
          from ${a}
          join ${schema.users} u on u.id = ${a.clientId}
          left join admin_open_alerts() o on o.client_id = u.id and o.therapist_id = ${therapistId}
         where ${a.therapistId} = ${therapistId} and ${a.endedAt} is null and u.deactivated_at is null
         order by u.name, u.id`,
  );
  return rows.map((r) => ({ clientId: r.client_id, name: r.name, openAlerts: r.open_alerts ?? 0 }));
}

/** What happens to a deactivated therapist's clients: the admin chooses, nothing is assumed. */
export type HandOver = { reassign?: ReassignmentPlan; unassignClients?: boolean };

/**
 * Before a therapist is deactivated, inside the same transaction: their active clients move to
 * the therapists in the plan (every client exactly once, each to an active therapist of the
 * clinic), or, when the admin confirmed it, become unassigned, which puts them on the clinic
 * home's "Clients without a therapist" with their alerts until someone is assigned. Without a
 * plan or that confirmation, a therapist who still has clients is not deactivated.
 */
export async function handOverClients(
  tx: Transaction,
  actor: Actor,
  { therapistId, therapistName, reassign, unassignClients = false }: HandOver & { therapistId: string; therapistName: string },
): Promise<void> {
  if (reassign && unassignClients)
    throw new TandemError('bad_request:input', 'Either reassign the clients or leave them unassigned, not both.');
  const held = await clientsHeldBy(tx, therapistId);
  const plan = reassign ?? [];
  if (held.length > 0 && plan.length === 0 && !unassignClients) {
    await queueAudit(tx, actor, { action: 'people.deactivate', subjectType: 'account', subjectId: therapistId, outcome: 'denied' });
    const clients = held.length === 1 ? '1 active client' : `${held.length} active clients`;
    throw new TandemError(
      'conflict:therapist_has_clients',
      `${therapistName} still has ${clients}. Reassign them, or confirm that they will have no therapist, before deactivating.`,
    );
  }
  if (reassign) {
    const heldIds = new Set(held.map((c) => c.clientId));
    const planned = new Set(plan.map((p) => p.clientId));
    if (planned.size !== plan.length || planned.size !== heldIds.size || plan.some((p) => !heldIds.has(p.clientId))) {
      throw new TandemError('conflict:caseload_changed');
    }
    if (plan.some((p) => p.therapistId === therapistId)) {
      throw new TandemError('bad_request:input', `Choose a therapist other than ${therapistName} for each client.`);
    }
    const byTarget = new Map<string, string[]>();
    for (const p of plan) byTarget.set(p.therapistId, [...(byTarget.get(p.therapistId) ?? []), p.clientId]);
    for (const [target, clientIds] of byTarget) await moveClients(tx, actor, { clientIds, therapistId: target });
  }
  const ended = await tx
    .update(schema.assignments)
    .set({ endedAt: new Date() })
    .where(and(eq(schema.assignments.therapistId, therapistId), isNull(schema.assignments.endedAt)))
    .returning({ clientId: schema.assignments.clientId });
  for (const { clientId } of ended) {
    await queueAudit(tx, actor, {
      action: 'caseload.unassign',
      subjectType: 'caseload',
      subjectId: therapistId,
      subjectClientId: clientId,
    });
  }
}

/** How many clients a therapist should carry at most; empty means no limit set. */
export async function setCaseloadCapacity({
  actor,
  therapistId,
  capacity,
}: {
  actor: Actor;
  therapistId: string;
  capacity: number | null;
}): Promise<void> {
  requireAdmin(actor);
  await withActor(actor, async (tx) => {
    const [row] = await tx
      .update(schema.memberships)
      .set({ caseloadCapacity: capacity })
      .where(and(eq(schema.memberships.userId, therapistId), eq(schema.memberships.role, 'therapist')))
      .returning({ id: schema.memberships.id });
    if (!row) throw new TandemError('not_found:person');
    await queueAudit(tx, actor, { action: 'caseload.set_capacity', subjectType: 'caseload', subjectId: therapistId });
  });
}

export type AssignmentHistoryRow = { therapistName: string; startedAt: Date; endedAt: Date | null; assignedByName: string | null };
export type AssignmentHistory = { clientName: string; rows: AssignmentHistoryRow[] };

/** Who a client has been assigned to, and when: kept for good, newest first. */
export async function listAssignmentHistory({ actor, clientId }: { actor: Actor; clientId: string }): Promise<AssignmentHistory> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const [client] = await tx
      .select({ name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(eq(schema.memberships.userId, clientId), eq(schema.memberships.role, 'client')));
    if (!client) {
      await queueAudit(tx, actor, { action: 'caseload.view_history', subjectType: 'caseload', outcome: 'denied' });
      throw new TandemError('not_found:client');
    }
    const rows = await queryRows<{
      therapist_name: string;
      started_at: string | Date;
      ended_at: string | Date | null;
      assigned_by_name: string | null;
    }>(
      tx,
      sql`select t.name as therapist_name, a.started_at, a.ended_at, b.name as assigned_by_name
            from ${schema.assignments} a
            join ${schema.users} t on t.id = a.therapist_id
            left join ${schema.users} b on b.id = a.assigned_by
           where a.client_id = ${clientId}
           order by a.started_at desc, a.ended_at desc nulls first`,
    );
    await queueAudit(tx, actor, { action: 'caseload.view_history', subjectType: 'caseload', subjectClientId: clientId });
    return {
      clientName: client.name,
      rows: rows.map((r) => ({
        therapistName: r.therapist_name,
        startedAt: new Date(r.started_at),
        endedAt: r.ended_at ? new Date(r.ended_at) : null,
        assignedByName: r.assigned_by_name,
      })),
    };
  });
}

/** Active therapists, for choosing whom a client is assigned to. */
export async function listClinicTherapists({ actor }: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  requireAdmin(actor);
  return withActor(actor, (tx) =>
    tx
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(eq(schema.memberships.role, 'therapist'), isNull(schema.users.deactivatedAt)))
      .orderBy(schema.users.name),
  );
}

export type ClientWithoutTherapist = {
  clientId: string;
  name: string;
  email: string;
  phone: string | null;
  openAlerts: number;
  oldestOpenAlert: Date | null;
};

/**
 * Active clients with no active therapist (none assigned, or theirs deactivated), with how to
 * reach them and how many urgent alerts wait unacknowledged since when: until someone is
 * assigned, the clinic's admins are who acts on those (docs/design.md §9). Longest waiting first.
 */
export async function listClientsWithoutTherapist({ actor }: { actor: Actor }): Promise<ClientWithoutTherapist[]> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const rows = await queryRows<{
      client_id: string;
      name: string;
      email: string;
      phone: string | null;
      open_alerts: number;
      oldest_open_alert: string | Date | null;
    }>(
      tx,
      sql`select w.client_id, u.name, u.email, u.phone, w.open_alerts, w.oldest_open_alert
            from admin_clients_without_therapist() w
            join ${schema.users} u on u.id = w.client_id
           order by w.oldest_open_alert nulls last, u.name, u.id`,
    );
    await queueAudit(tx, actor, { action: 'caseload.view_unassigned', subjectType: 'caseload' });
    return rows.map((r) => ({
      clientId: r.client_id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      openAlerts: r.open_alerts,
      oldestOpenAlert: r.oldest_open_alert ? new Date(r.oldest_open_alert) : null,
    }));
  });
}

export type DismissedUrgentSignal = { clientName: string; therapistName: string; at: Date };

/** How far back the admin sees dismissed urgent signals: a month of escalation-level events. */
const DISMISSED_URGENT_DAYS = 30;

/**
 * Urgent signals a therapist dismissed in the last month: who, about whom, and when — never the
 * signal or the reason (docs/design.md §7: the admin gets escalation notices only). Read from the audit
 * log, where each dismissal is recorded as `insight.dismiss_urgent`.
 */
export async function listDismissedUrgentSignals({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<DismissedUrgentSignal[]> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const e = schema.auditEvents;
    const since = new Date(now.getTime() - DISMISSED_URGENT_DAYS * 24 * 60 * 60 * 1000);
    const rows = await queryRows<{ client_name: string | null; therapist_name: string | null; at: string | Date }>(
      tx,
      sql`select c.name as client_name, t.name as therapist_name, ${e.occurredAt} as at
            from ${e}
            left join ${schema.users} c on c.id = ${e.subjectClientId}
            left join ${schema.users} t on t.id = ${e.actorId}
           where ${e.action} = 'insight.dismiss_urgent' and ${e.outcome} = 'allowed' and ${e.occurredAt} >= ${since.toISOString()}
           order by ${e.occurredAt} desc`,
    );
    await queueAudit(tx, actor, { action: 'caseload.view_dismissed_urgent', subjectType: 'caseload' });
    return rows.map((r) => ({
      clientName: r.client_name ?? 'A former client',
      therapistName: r.therapist_name ?? 'A former colleague',
      at: new Date(r.at),
    }));
  });
}
