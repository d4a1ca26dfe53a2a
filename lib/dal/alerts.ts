import 'server-only';
import { and, asc, desc, eq, inArray, isNull, notExists } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import type { RiskCategory } from '@/lib/clinical/risk-categories';
import { TandemError } from '@/lib/errors';
import {
  acknowledgementText,
  alertAcknowledgementSchema,
  type AcknowledgementAction,
  type AlertAcknowledgementInput,
} from '@/lib/validation/alerts';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

export type AlertKind = (typeof schema.alertKindEnum.enumValues)[number];

/** Whether an insight kind is one that urgent alerts are raised for. */
export function isAlertKind(kind: string): kind is AlertKind {
  return (schema.alertKindEnum.enumValues as readonly string[]).includes(kind);
}

/**
 * Raises an urgent alert inside the transaction that stores the answer or entry, so the alert and
 * what caused it commit or roll back together. One alert per actively assigned therapist; with no
 * therapist assigned, one unaddressed alert for the clinic. Carries the fact and the PHQ-9
 * answer, never journal text.
 */
export type UrgentAlertInput =
  | { kind: 'item9'; sourceId: string; answer: number }
  | { kind: 'crisis_language'; source: 'journal' | 'check_in_note' | 'companion'; sourceId: string; riskCategory: RiskCategory | null };

/**
 * Who an urgent alert about this client reaches: each actively assigned therapist who can sign in.
 * A deactivated therapist cannot act, so with none left the alert goes to the clinic's admins.
 */
async function alertRecipients(tx: Transaction, clientId: string): Promise<string[]> {
  const rows = await tx
    .select({ therapistId: schema.assignments.therapistId })
    .from(schema.assignments)
    .innerJoin(schema.users, eq(schema.users.id, schema.assignments.therapistId))
    .where(and(eq(schema.assignments.clientId, clientId), isNull(schema.assignments.endedAt), isNull(schema.users.deactivatedAt)))
    .orderBy(asc(schema.assignments.startedAt));
  return rows.map((r) => r.therapistId);
}

export async function raiseUrgentAlert(tx: Transaction, actor: Actor, alert: UrgentAlertInput): Promise<void> {
  const therapists = await alertRecipients(tx, actor.userId);
  const recipients = therapists.length > 0 ? therapists : [null];
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
  await queueAudit(tx, actor, { action: 'alerts.create', subjectType: 'alerts', subjectId: alert.sourceId, subjectClientId: actor.userId });
}

export type OpenAlert = {
  id: string;
  kind: AlertKind;
  source: (typeof schema.alertSourceEnum.enumValues)[number];
  answer: number | null;
  clientId: string;
  clientName: string;
  createdAt: Date;
};

/**
 * One risk event, one to-do (docs/design.md §5): recording what was done about an urgent alert also
 * closes the review of the urgent signal the same kind of event raised for that client, with the
 * acknowledgement as the review's reason, so the therapist is not asked about it twice.
 */
async function resolveUrgentSignals(
  tx: Transaction,
  actor: Actor,
  event: { clientId: string; kind: AlertKind; reason: string },
): Promise<void> {
  const i = schema.insights;
  const open = await tx
    .select({ id: i.id })
    .from(i)
    .where(and(eq(i.clientId, event.clientId), eq(i.kind, event.kind), eq(i.status, 'open'), inArray(i.reviewState, ['new', 'snoozed'])));
  if (open.length === 0) return;
  const ids = open.map((o) => o.id);
  await tx.insert(schema.insightReviews).values(
    ids.map((insightId) => ({
      clinicId: actor.clinicId,
      insightId,
      clientId: event.clientId,
      kind: event.kind,
      reviewerId: actor.userId,
      action: 'accepted' as const,
      reason: event.reason,
    })),
  );
  await tx.update(i).set({ reviewState: 'accepted', snoozedUntil: null, updatedAt: new Date() }).where(inArray(i.id, ids));
}

/**
 * The therapist's own unacknowledged alerts of one kind about one client, acknowledged at once:
 * how an urgent signal's review settles the alert that came with it.
 */
export async function acknowledgeOpenAlerts(
  tx: Transaction,
  actor: Actor,
  event: { clientId: string; kind: AlertKind; action: AcknowledgementAction; note: string | null },
): Promise<number> {
  const a = schema.alerts;
  const k = schema.alertAcknowledgements;
  const open = await tx
    .select({ id: a.id })
    .from(a)
    .where(
      and(
        eq(a.clientId, event.clientId),
        eq(a.therapistId, actor.userId),
        eq(a.kind, event.kind),
        notExists(tx.select({ id: k.id }).from(k).where(eq(k.alertId, a.id))),
      ),
    );
  if (open.length === 0) return 0;
  await tx
    .insert(k)
    .values(
      open.map((o) => ({ clinicId: actor.clinicId, alertId: o.id, acknowledgedBy: actor.userId, action: event.action, note: event.note })),
    );
  for (const o of open) {
    await queueAudit(tx, actor, { action: 'alerts.acknowledge', subjectType: 'alerts', subjectId: o.id, subjectClientId: event.clientId });
  }
  return open.length;
}

/** The signed-in therapist's urgent alerts that nobody has acknowledged yet, newest first. */
export async function listOpenAlerts({ actor }: { actor: Actor }): Promise<OpenAlert[]> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const a = schema.alerts;
    const rows = await tx
      .select({
        id: a.id,
        kind: a.kind,
        source: a.source,
        answer: a.answer,
        clientId: a.clientId,
        clientName: schema.users.name,
        createdAt: a.createdAt,
      })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.clientId))
      .where(
        and(
          eq(a.therapistId, actor.userId),
          notExists(
            tx
              .select({ id: schema.alertAcknowledgements.id })
              .from(schema.alertAcknowledgements)
              .where(eq(schema.alertAcknowledgements.alertId, a.id)),
          ),
        ),
      )
      .orderBy(desc(a.createdAt));
    for (const clientId of new Set(rows.map((r) => r.clientId))) {
      await queueAudit(tx, actor, { action: 'alerts.read', subjectType: 'alerts', subjectClientId: clientId });
    }
    return rows;
  });
}

export type InboxAlert = OpenAlert & {
  riskCategory: RiskCategory | null;
  /** How to reach the client now: the therapist acts on an alert by getting in touch. */
  contact: { email: string; phone: string | null };
  /** When the clinic's admins are told if nobody has acknowledged it (the clinic's escalation time). */
  escalatesAt: Date;
  acknowledgement: {
    action: (typeof schema.ackActionEnum.enumValues)[number];
    note: string | null;
    byName: string | null;
    at: Date;
  } | null;
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
        source: a.source,
        riskCategory: a.riskCategory,
        answer: a.answer,
        clientId: a.clientId,
        clientName: schema.users.name,
        email: schema.users.email,
        phone: schema.users.phone,
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
    const [clinic] = await tx
      .select({ escalationHours: schema.clinics.escalationHours })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, actor.clinicId));
    if (!clinic) throw new TandemError('not_found:page');
    const escalationMs = clinic.escalationHours * 60 * 60 * 1000;
    const byIds = [...new Set(rows.flatMap((r) => (r.ackBy ? [r.ackBy] : [])))];
    const people =
      byIds.length === 0
        ? []
        : await tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, byIds));
    const names = new Map(people.map((p) => [p.id, p.name]));
    for (const clientId of new Set(rows.map((r) => r.clientId))) {
      await queueAudit(tx, actor, { action: 'alerts.read', subjectType: 'alerts', subjectClientId: clientId });
    }
    return rows.map(({ ackAction, ackNote, ackBy, ackAt, email, phone, ...alert }) => ({
      ...alert,
      contact: { email, phone },
      escalatesAt: new Date(alert.createdAt.getTime() + escalationMs),
      acknowledgement:
        ackAction && ackAt ? { action: ackAction, note: ackNote, byName: ackBy ? (names.get(ackBy) ?? null) : null, at: ackAt } : null,
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
      .select({ id: a.id, clientId: a.clientId, kind: a.kind })
      .from(a)
      .where(and(eq(a.id, alertId), eq(a.therapistId, actor.userId)));
    if (!alert) {
      await queueAudit(tx, actor, { action: 'alerts.acknowledge', subjectType: 'alerts', subjectId: alertId, outcome: 'denied' });
      return 'missing' as const;
    }
    const [existing] = await tx
      .select({ id: schema.alertAcknowledgements.id })
      .from(schema.alertAcknowledgements)
      .where(eq(schema.alertAcknowledgements.alertId, alertId));
    if (existing) throw new TandemError('conflict:alert_acknowledged');
    const words = note && note.length > 0 ? note : null;
    await tx
      .insert(schema.alertAcknowledgements)
      .values({ clinicId: actor.clinicId, alertId, acknowledgedBy: actor.userId, action, note: words });
    await queueAudit(tx, actor, {
      action: 'alerts.acknowledge',
      subjectType: 'alerts',
      subjectId: alertId,
      subjectClientId: alert.clientId,
    });
    await resolveUrgentSignals(tx, actor, { clientId: alert.clientId, kind: alert.kind, reason: acknowledgementText(action, words) });
    return 'done' as const;
  });
  if (outcome === 'missing') throw new TandemError('not_found:alert');
}

/** What the crisis card says: the clinic's own words, and who an alert reaches (the card promises no more). */
export type CrisisInfo = { resources: string; responseTime: string; notifies: 'therapist' | 'clinic' };

/** What the client's clinic tells them to do in a crisis, and how soon it aims to reply to an alert. */
export async function getCrisisResources({ actor }: { actor: Actor }): Promise<CrisisInfo> {
  return withActor(actor, async (tx) => {
    const [clinic] = await tx
      .select({ resources: schema.clinics.crisisResources, responseTime: schema.clinics.crisisResponseTime })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, actor.clinicId));
    if (!clinic) throw new TandemError('not_found:page');
    const notifies = actor.role === 'client' && (await alertRecipients(tx, actor.userId)).length === 0 ? 'clinic' : 'therapist';
    return { ...clinic, notifies };
  });
}
