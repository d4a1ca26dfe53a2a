import 'server-only';
import { and, asc, desc, eq, isNull, notExists } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { TandemError } from '@/lib/errors';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

export type AlertKind = (typeof schema.alertKindEnum.enumValues)[number];

/**
 * Raises an urgent alert inside the transaction that stores the answer or entry, so the alert and
 * what caused it commit or roll back together. One alert per actively assigned therapist; with no
 * therapist assigned, one unaddressed alert for the clinic. Carries the fact and the PHQ-9
 * answer, never journal text.
 */
export async function raiseUrgentAlert(
  tx: Transaction,
  actor: Actor,
  alert: { kind: AlertKind; sourceId: string; answer: number | null },
): Promise<void> {
  const therapists = await tx
    .select({ therapistId: schema.assignments.therapistId })
    .from(schema.assignments)
    .where(and(eq(schema.assignments.clientId, actor.userId), isNull(schema.assignments.endedAt)))
    .orderBy(asc(schema.assignments.startedAt));
  const recipients = therapists.length > 0 ? therapists.map((t) => t.therapistId) : [null];
  await tx.insert(schema.alerts).values(
    recipients.map((therapistId) => ({
      clinicId: actor.clinicId,
      clientId: actor.userId,
      therapistId,
      kind: alert.kind,
      sourceId: alert.sourceId,
      answer: alert.answer,
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
