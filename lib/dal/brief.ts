import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { totalScore } from '@/lib/clinical/scoring';
import { addDays, localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import { BRIEF_BASELINE_DAYS, briefWindow, buildBrief, type Brief, type BriefRiskAnswer } from '@/lib/insights/brief';
import { mayRead } from './access';
import { queueAudit, type AuditAction } from './audit';
import { admitClient, type ClientAccess } from './client-record';
import { companionBriefOf } from './companion';
import { withActor, type Actor } from './context';
import {
  clientAlertRows,
  clientCheckInRows,
  clientInsightRows,
  clientMeasureRows,
  clientSessionRows,
  clinicReliableChange,
  asRows,
  jsonRows,
  readShared,
  type SharedRead,
} from './shared-reads';

/** The client's breaks from logging that were not cancelled, earliest first. */
export function pausesRead(clientId: string): SharedRead<{ start: string; end: string }[]> {
  const p = schema.pauses;
  return {
    key: `pauses:${clientId}`,
    json: jsonRows(
      { start: p.startsOn, end: p.endsOn },
      sql`from ${p} where ${p.clientId} = ${clientId} and ${p.cancelledAt} is null`,
      sql`${p.startsOn}`,
    ),
    decode: asRows<{ start: string; end: string }>,
  };
}

/**
 * The "since last session" brief, inside a transaction that has already admitted the client's
 * assigned therapist (`admitClient`). Reads check-ins only while `checkins` is shared and
 * questionnaires only while `measures` is; risk answers always reach the assigned therapist.
 */
export async function briefFor(tx: Transaction, actor: Actor, client: ClientAccess, now = new Date()): Promise<Brief> {
  const { clientId } = client;
  const today = localDateIn(client.timeZone, now);
  const lastSessionDate =
    (await clientSessionRows(tx, clientId)).findLast((n) => n.status === 'signed' && n.sessionDate < today)?.sessionDate ?? null;
  const window = briefWindow(today, lastSessionDate);

  const sharesCheckIns = mayRead(client, 'checkins');
  const sharesMeasures = mayRead(client, 'measures');
  const audit = (action: AuditAction, subjectType: 'check_ins' | 'measures' | 'insights' | 'alerts') =>
    queueAudit(tx, actor, { action, subjectType, subjectClientId: clientId });

  let checkIns = null;
  if (sharesCheckIns) {
    checkIns = (await clientCheckInRows(tx, clientId, addDays(window.from, -BRIEF_BASELINE_DAYS))).filter((c) => c.localDate <= today);
    await audit('check_ins.read', 'check_ins');
  }

  let measures = null;
  if (sharesMeasures) {
    // The latest 40 taken up to today, newest first.
    measures = (await clientMeasureRows(tx, clientId))
      .filter((r) => r.localDate <= today)
      .slice(-40)
      .reverse()
      .map((r) => ({ instrument: r.instrument, localDate: r.localDate, total: totalScore(r.instrument, r.items) }));
    await audit('measures.read', 'measures');
  }

  const pauses = (await readShared(tx, pausesRead(clientId))).filter((p) => p.start <= today && p.end >= window.from);

  const signals = (await clientInsightRows(tx, clientId, client))
    .filter(
      (i) =>
        i.status === 'open' &&
        (i.reviewState === 'new' ||
          i.reviewState === 'accepted' ||
          (i.reviewState === 'snoozed' && i.snoozedUntil !== null && i.snoozedUntil <= today)),
    )
    .map((i) => ({ kind: i.kind, severity: i.severity, summary: i.summary }));
  await audit('insights.read', 'insights');

  const alertsFrom = new Date(`${addDays(window.from, -1)}T00:00:00Z`);
  const alertRows = (await clientAlertRows(tx, clientId)).filter((a) => a.createdAt >= alertsFrom);
  await audit('alerts.read', 'alerts');

  const clinic = await clinicReliableChange(tx, actor.clinicId);
  if (!clinic) throw new TandemError('not_found:client');

  // Distinct risk answers: with two therapists assigned, one answer raised one alert for each.
  const risk = new Map<string, BriefRiskAnswer>();
  for (const r of alertRows) {
    const date = localDateIn(client.timeZone, r.createdAt);
    risk.set(`${r.kind}:${r.answer}:${r.createdAt.toISOString()}`, { kind: r.kind, source: r.source, answer: r.answer, date });
  }

  let companion = null;
  if (mayRead(client, 'companion')) {
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
  const brief = await withActor(actor, async (tx) => {
    const client = await admitClient(tx, actor, clientId, { action: 'brief.view', subjectType: 'insights' });
    return client ? briefFor(tx, actor, client, now) : null;
  });
  if (!brief) throw new TandemError('not_found:client');
  return brief;
}
