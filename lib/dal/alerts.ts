import 'server-only';
import { and, asc, desc, eq, inArray, isNull, notExists } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import type { RiskCategory } from '@/lib/clinical/risk-categories';
import { TandemError } from '@/lib/errors';
import { alertAcknowledgementSchema, type AlertAcknowledgementInput } from '@/lib/validation/alerts';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

export type AlertKind = (typeof schema.alertKindEnum.enumValues)[number];

/**
 * Raises an urgent alert inside the transaction that stores the answer or entry, so the alert and
 * what caused it commit or roll back together. One alert per actively assigned therapist; with no
 * therapist assigned, one unaddressed alert for the clinic. Carries the fact and the PHQ-9
 * answer, never journal text.
 */
export type UrgentAlertInput =
  | { kind: 'item9'; sourceId: string; answer: number }
  | { kind: 'crisis_language'; source: 'journal' | 'check_in_note'; sourceId: string; riskCategory: RiskCategory | null };

export async function raiseUrgentAlert(tx: Transaction, actor: Actor, alert: UrgentAlertInput): Promise<void> {
  // A deactivated therapist cannot sign in to act: their clients' alerts go to the clinic's admins.
  const therapists = await tx
    .select({ therapistId: schema.assignments.therapistId })
    .from(schema.assignments)
    .innerJoin(schema.users, eq(schema.users.id, schema.assignments.therapistId))
    .where(and(eq(schema.assignments.clientId, actor.userId), isNull(schema.assignments.endedAt), isNull(schema.users.deactivatedAt)))
    .orderBy(asc(schema.assignments.startedAt));
  const recipients = therapists.length > 0 ? therapists.map((t) => t.therapistId) : [null];
  await tx.insert(schema.alerts).values(
    recipients.map((therapistId) => ({
      clinicId: actor.clinicId,
      clientId: actor.userId,
      therapistId,
      kind: alert.kind,
      source: alert.kind === 'item9' ? ('measure' as const) : alert.source,
      sourceId: alert.sourceId,
      answer: alert.kind === 'item9' ? alert.answer : null,
      riskCategory: alert.kind === 'item9' ? null : alert.riskCategory,
    })),
  );
  await recordAudit(tx, actor, { action: 'alerts.create', subjectType: 'alerts', subjectId: alert.sourceId, subjectClientId: actor.userId });
}

export type OpenAlert = { id: string; kind: AlertKind; answer: number | null; clientId: string; clientName: string; createdAt: Date };

/** The signed-in therapist's urgent alerts that nobody has acknowledged yet, newest first. */
export async function listOpenAlerts({ actor }: { actor: Actor }): Promise<OpenAlert[]> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const a = schema.alerts;
    const rows = await tx
      .select({ id: a.id, kind: a.kind, answer: a.answer, clientId: a.clientId, clientName: schema.users.name, createdAt: a.createdAt })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.clientId))
      .where(
        and(
          eq(a.therapistId, actor.userId),
          notExists(tx.select({ id: schema.alertAcknowledgements.id }).from(schema.alertAcknowledgements).where(eq(schema.alertAcknowledgements.alertId, a.id))),
        ),
      )
      .orderBy(desc(a.createdAt));
    for (const clientId of new Set(rows.map((r) => r.clientId))) {
      await recordAudit(tx, actor, { action: 'alerts.read', subjectType: 'alerts', subjectClientId: clientId });
    }
    return rows;
  });
}

export type InboxAlert = OpenAlert & {
  acknowledgement: { action: (typeof schema.ackActionEnum.enumValues)[number]; note: string | null; byName: string | null; at: Date } | null;
};

/** The alerts inbox: the therapist's urgent alerts, newest first, with what was done about each. */
export async function listAlertInbox({ actor, limit = 100 }: { actor: Actor; limit?: number }): Promise<InboxAlert[]> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const a = schema.alerts;
    const k = schema.alertAcknowledgements;
    const rows = await tx
      .select({
        id: a.id,
        kind: a.kind,
        answer: a.answer,
        clientId: a.clientId,
        clientName: schema.users.name,
        createdAt: a.createdAt,
        ackAction: k.action,
        ackNote: k.note,
        ackBy: k.acknowledgedBy,
        ackAt: k.createdAt,
      })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.clientId))
      .leftJoin(k, eq(k.alertId, a.id))
      .where(eq(a.therapistId, actor.userId))
      .orderBy(desc(a.createdAt))
      .limit(Math.min(Math.max(limit, 1), 500));
    const byIds = [...new Set(rows.flatMap((r) => (r.ackBy ? [r.ackBy] : [])))];
    const people = byIds.length === 0 ? [] : await tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, byIds));
    const names = new Map(people.map((p) => [p.id, p.name]));
    for (const clientId of new Set(rows.map((r) => r.clientId))) {
      await recordAudit(tx, actor, { action: 'alerts.read', subjectType: 'alerts', subjectClientId: clientId });
    }
    return rows.map(({ ackAction, ackNote, ackBy, ackAt, ...alert }) => ({
      ...alert,
      acknowledgement: ackAction && ackAt ? { action: ackAction, note: ackNote, byName: ackBy ? (names.get(ackBy) ?? null) : null, at: ackAt } : null,
    }));
  });
}

/**
 * The therapist records what they did about an urgent alert. Only the therapist the alert was
 * sent to may; once acknowledged it stays so (the record is append-only). Audited.
 */
export async function acknowledgeAlert({ actor, input }: { actor: Actor; input: AlertAcknowledgementInput }): Promise<void> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  const parsed = alertAcknowledgementSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  const { alertId, action, note } = parsed.data;
  const outcome = await withActor(actor, async (tx) => {
    const a = schema.alerts;
    const [alert] = await tx
      .select({ id: a.id, clientId: a.clientId })
      .from(a)
      .where(and(eq(a.id, alertId), eq(a.therapistId, actor.userId)));
    if (!alert) {
      await recordAudit(tx, actor, { action: 'alerts.acknowledge', subjectType: 'alerts', subjectId: alertId, outcome: 'denied' });
      return 'missing' as const;
    }
    const [existing] = await tx
      .select({ id: schema.alertAcknowledgements.id })
      .from(schema.alertAcknowledgements)
      .where(eq(schema.alertAcknowledgements.alertId, alertId));
    if (existing) throw new TandemError('conflict:alert_acknowledged');
    await tx.insert(schema.alertAcknowledgements).values({
      clinicId: actor.clinicId,
      alertId,
      acknowledgedBy: actor.userId,
      action,
      note: note && note.length > 0 ? note : null,
    });
    await recordAudit(tx, actor, { action: 'alerts.acknowledge', subjectType: 'alerts', subjectId: alertId, subjectClientId: alert.clientId });
    return 'done' as const;
  });
  if (outcome === 'missing') throw new TandemError('not_found:alert');
}

/** What the client's clinic tells them to do in a crisis. */
export async function getCrisisResources({ actor }: { actor: Actor }): Promise<string> {
  return withActor(actor, async (tx) => {
    const [clinic] = await tx
      .select({ crisisResources: schema.clinics.crisisResources })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, actor.clinicId));
    if (!clinic) throw new TandemError('not_found:page');
    return clinic.crisisResources;
  });
}
