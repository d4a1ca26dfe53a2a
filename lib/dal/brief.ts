import 'server-only';
import { and, desc, eq, gte, inArray, lt, lte, isNull, or } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { totalScore } from '@/lib/clinical/scoring';
import { addDays, localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import { BRIEF_BASELINE_DAYS, briefWindow, buildBrief, type Brief, type BriefRiskAnswer } from '@/lib/insights/brief';
import { admitAssignedTherapist, mayRead, sharedScopes, visibleInsights, type ClientReadAccess } from './access';
import { queueAudit, type AuditAction } from './audit';
import { companionBriefOf } from './companion';
import { withActor, type Actor } from './context';

/**
 * The "since last session" brief, inside a transaction that has already admitted the client's
 * assigned therapist (admitAssignedTherapist). Reads check-ins only while `checkins` is shared and
 * questionnaires only while `measures` is; risk answers always reach the assigned therapist.
 */
export async function briefFor(tx: Transaction, actor: Actor, clientId: string, now = new Date()): Promise<Brief> {
  const [client] = await tx.select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, clientId));
  const today = localDateIn(client?.timeZone ?? 'UTC', now);
  const n = schema.sessionNotes;
  const [last] = await tx
    .select({ sessionDate: n.sessionDate })
    .from(n)
    .where(and(eq(n.clientId, clientId), eq(n.status, 'signed'), lt(n.sessionDate, today)))
    .orderBy(desc(n.sessionDate))
    .limit(1);
  const lastSessionDate = last?.sessionDate ?? null;
  const window = briefWindow(today, lastSessionDate);

  const access: ClientReadAccess = { self: false, sharing: await sharedScopes(tx, actor, clientId) };
  const sharesCheckIns = mayRead(access, 'checkins');
  const sharesMeasures = mayRead(access, 'measures');
  const audit = (action: AuditAction, subjectType: 'check_ins' | 'measures' | 'insights' | 'alerts') =>
    queueAudit(tx, actor, { action, subjectType, subjectClientId: clientId });

  let checkIns = null;
  if (sharesCheckIns) {
    const c = schema.checkIns;
    checkIns = await tx
      .select({ localDate: c.localDate, mood: c.mood, tags: c.tags })
      .from(c)
      .where(and(eq(c.clientId, clientId), gte(c.localDate, addDays(window.from, -BRIEF_BASELINE_DAYS)), lte(c.localDate, today)));
    await audit('check_ins.read', 'check_ins');
  }

  let measures = null;
  if (sharesMeasures) {
    const m = schema.measureResponses;
    const rows = await tx
      .select({ instrument: m.instrument, items: m.items, localDate: m.localDate })
      .from(m)
      .where(and(eq(m.clientId, clientId), lte(m.localDate, today)))
      .orderBy(desc(m.completedAt))
      .limit(40);
    measures = rows.map((r) => ({ instrument: r.instrument, localDate: r.localDate, total: totalScore(r.instrument, r.items) }));
    await audit('measures.read', 'measures');
  }

  const p = schema.pauses;
  const pauses = await tx
    .select({ start: p.startsOn, end: p.endsOn })
    .from(p)
    .where(and(eq(p.clientId, clientId), isNull(p.cancelledAt), lte(p.startsOn, today), gte(p.endsOn, window.from)));

  const i = schema.insights;
  const signals = await tx
    .select({ kind: i.kind, severity: i.severity, summary: i.summary })
    .from(i)
    .where(
      and(
        eq(i.clientId, clientId),
        eq(i.status, 'open'),
        visibleInsights(access),
        or(inArray(i.reviewState, ['new', 'accepted']), and(eq(i.reviewState, 'snoozed'), lte(i.snoozedUntil, today))),
      ),
    )
    .orderBy(desc(i.detectedAt));
  await audit('insights.read', 'insights');

  const a = schema.alerts;
  const alertRows = await tx
    .select({ kind: a.kind, source: a.source, answer: a.answer, createdAt: a.createdAt })
    .from(a)
    .where(and(eq(a.clientId, clientId), gte(a.createdAt, new Date(`${addDays(window.from, -1)}T00:00:00Z`))));
  await audit('alerts.read', 'alerts');

  const [clinic] = await tx
    .select({ phq9: schema.clinics.phq9ReliableChange, gad7: schema.clinics.gad7ReliableChange })
    .from(schema.clinics)
    .where(eq(schema.clinics.id, actor.clinicId));
  if (!clinic) throw new TandemError('not_found:client');

  // Distinct risk answers: with two therapists assigned, one answer raised one alert for each.
  const risk = new Map<string, BriefRiskAnswer>();
  for (const r of alertRows) {
    const date = localDateIn(client?.timeZone ?? 'UTC', r.createdAt);
    risk.set(`${r.kind}:${r.answer}:${r.createdAt.toISOString()}`, { kind: r.kind, source: r.source, answer: r.answer, date });
  }

  let companion = null;
  if (mayRead(access, 'companion')) {
    const items = schema.companionItems;
    const rows = await tx
      .select({
        id: items.id,
        kind: items.kind,
        createdAt: items.createdAt,
        clinicId: items.clinicId,
        clientId: items.clientId,
        ciphertext: items.ciphertext,
      })
      .from(items)
      .where(and(eq(items.clientId, clientId), gte(items.createdAt, new Date(`${addDays(window.from, -1)}T00:00:00Z`))))
      .orderBy(desc(items.createdAt));
    companion = companionBriefOf(rows);
    await queueAudit(tx, actor, { action: 'companion.list', subjectType: 'companion', subjectClientId: clientId });
  }

  return buildBrief({
    today,
    lastSessionDate,
    checkIns,
    measures,
    pauses,
    signals,
    riskAnswers: [...risk.values()],
    thresholds: { reliableChange: { phq9: clinic.phq9, gad7: clinic.gad7 } },
    companion,
  });
}

/** The brief for the client's assigned therapist; anyone else gets not_found:client. */
export async function getSinceLastSessionBrief({ actor, clientId, now }: { actor: Actor; clientId: string; now?: Date }): Promise<Brief> {
  const brief = await withActor(actor, async (tx) =>
    (await admitAssignedTherapist(tx, actor, clientId, { action: 'brief.view', subjectType: 'insights' }))
      ? briefFor(tx, actor, clientId, now)
      : null,
  );
  if (!brief) throw new TandemError('not_found:client');
  return brief;
}
