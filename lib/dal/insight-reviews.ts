import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { schema, type Transaction } from '@/db';
import { localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import { acknowledgementText } from '@/lib/validation/alerts';
import { dismissalText, insightReviewSchema, type InsightReviewInput } from '@/lib/validation/insight-review';
import { queueAudit } from './audit';
import { acknowledgeOpenAlerts, isAlertKind } from './alerts';
import { appendCarePlanVersion } from './care-plan';
import { withAssignedClient, type ClientAccess } from './client-record';
import type { Actor } from './context';
import { visibleInsights, visibleInsightScopes, type ClientReadAccess } from './access';
import { asRows, clientInsightRows, jsonRows, readShared, type SharedRead } from './shared-reads';

export type ReviewAction = 'accepted' | 'dismissed' | 'snoozed';
export type SignalEvidence = {
  method: string;
  numbers: { name: string; value: number }[];
  coverage: string;
  notes: string[];
  sensitivity: string | null;
};
export type SignalDto = {
  id: string;
  kind: string;
  severity: 'info' | 'attention' | 'urgent';
  direction: 'worsening' | 'improving' | 'neutral';
  summary: string;
  windowStart: string;
  windowEnd: string;
  evidence: SignalEvidence;
  reviewState: 'new' | ReviewAction;
  snoozedUntil: string | null;
  isCitedInPlan: boolean;
};
export type ReviewDto = {
  id: string;
  insightId: string;
  summary: string;
  action: ReviewAction;
  reason: string | null;
  snoozedUntil: string | null;
  reviewerName: string;
  at: Date;
};
export type Signals = { open: SignalDto[]; reviewed: ReviewDto[]; citedInPlan: SignalDto[] };

const evidenceShape = z.object({
  method: z.string().catch(''),
  numbers: z.record(z.string(), z.number()).catch({}),
  coverage: z.object({ text: z.string() }).catch({ text: '' }),
  notes: z.array(z.string()).optional().catch([]),
  sensitivity: z.object({ note: z.string() }).optional().catch(undefined),
});

function evidenceOf(raw: unknown): SignalEvidence {
  const e = evidenceShape.parse(raw ?? {});
  return {
    method: e.method,
    numbers: Object.entries(e.numbers).map(([name, value]) => ({ name, value })),
    coverage: e.coverage.text,
    notes: e.notes ?? [],
    sensitivity: e.sensitivity?.note ?? null,
  };
}

/** The insights the client's current care plan cites. */
export function citedInsightsRead(clientId: string): SharedRead<{ insightId: string | null }[]> {
  const p = schema.carePlans;
  const v = schema.carePlanVersions;
  const e = schema.carePlanEvidence;
  return {
    key: `cited:${clientId}`,
    json: jsonRows(
      { insightId: e.insightId },
      sql`from ${e} join ${v} on ${v.id} = ${e.carePlanVersionId}
          join ${p} on ${p.id} = ${v.carePlanId} and ${p.currentVersion} = ${v.version}
         where ${p.clientId} = ${clientId}`,
      sql`${e.insightId}`,
    ),
    decode: asRows<{ insightId: string | null }>,
  };
}

type ReviewRow = Pick<typeof schema.insightReviews.$inferSelect, 'id' | 'insightId' | 'action' | 'reason' | 'snoozedUntil'> & {
  reviewerName: string | null;
  at: Date;
};

/** Every review of an insight about the client that `access` may see, newest first, with the reviewer's name. */
export function reviewsRead(clientId: string, access: ClientReadAccess): SharedRead<ReviewRow[]> {
  const r = schema.insightReviews;
  const i = schema.insights;
  return {
    key: `reviews:${clientId}:${visibleInsightScopes(access).join(',')}`,
    json: jsonRows(
      {
        id: r.id,
        insightId: r.insightId,
        action: r.action,
        reason: r.reason,
        snoozedUntil: r.snoozedUntil,
        reviewerName: schema.users.name,
        at: r.createdAt,
      },
      sql`from ${r} left join ${schema.users} on ${schema.users.id} = ${r.reviewerId}
         where ${r.clientId} = ${clientId}
           and ${r.insightId} in (select ${i.id} from ${i} where ${i.clientId} = ${clientId} and ${visibleInsights(access)})`,
      sql`${r.createdAt} desc`,
    ),
    // JSON carries the time as text: a Date again, as drizzle gives it elsewhere.
    decode: (value) => asRows<Omit<ReviewRow, 'at'> & { at: string }>(value).map((row) => ({ ...row, at: new Date(row.at) })),
  };
}

/**
 * The signals panel: open signals waiting for review (a snooze whose date has come counts as
 * waiting again), every review ever made with who, when and what, and the signals the current
 * care plan cites. Only signals the therapist may see now: risk always, the rest while shared.
 */
export async function listSignals({ actor, clientId }: { actor: Actor; clientId: string }): Promise<Signals> {
  return withAssignedClient(actor, clientId, { action: 'insights.read', subjectType: 'insights' }, (tx, client) =>
    readSignals(tx, actor, client),
  );
}

/** The signals panel's reads inside an admitted transaction (`withAssignedClient` or the client page's loader). */
export async function readSignals(tx: Transaction, actor: Actor, client: ClientAccess): Promise<Signals> {
  const { clientId } = client;
  const today = localDateIn(client.timeZone);
  const rows = await clientInsightRows(tx, clientId, client);
  const cited = new Set((await readShared(tx, citedInsightsRead(clientId))).flatMap((c) => (c.insightId ? [c.insightId] : [])));
  const signals = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    direction: r.direction,
    summary: r.summary,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    evidence: evidenceOf(r.evidence),
    reviewState: r.reviewState,
    snoozedUntil: r.snoozedUntil,
    isCitedInPlan: cited.has(r.id),
    isOpen: r.status === 'open',
  }));
  const isWaiting = (s: (typeof signals)[number]) =>
    s.isOpen && (s.reviewState === 'new' || (s.reviewState === 'snoozed' && (s.snoozedUntil ?? '') <= today));
  const reviews = await readShared(tx, reviewsRead(clientId, client));
  await queueAudit(tx, actor, { action: 'insights.read', subjectType: 'insights', subjectClientId: clientId });
  const summaries = new Map(signals.map((s) => [s.id, s.summary]));
  const dto = ({ isOpen: _isOpen, ...s }: (typeof signals)[number]): SignalDto => s;
  const rank = { urgent: 0, attention: 1, info: 2 } as const;
  return {
    open: signals
      .filter(isWaiting)
      .sort((a, b) => rank[a.severity] - rank[b.severity])
      .map(dto),
    citedInPlan: signals.filter((s) => s.isCitedInPlan).map(dto),
    reviewed: reviews.flatMap((x) =>
      x.action === 'new'
        ? []
        : [{ ...x, action: x.action, summary: summaries.get(x.insightId) ?? '', reviewerName: x.reviewerName ?? 'A former colleague' }],
    ),
  };
}

/**
 * Urgent signals are never snoozed (a risk event does not wait) and are settled by recording what
 * was done, or dismissed with a reason; acknowledging is only for them.
 */
function refuseUrgentMismatch(isUrgent: boolean, action: InsightReviewInput['action']) {
  if (isUrgent && action === 'snooze') {
    throw new TandemError('bad_request:input', 'An urgent signal cannot be snoozed: record what you did, or dismiss it with a reason.');
  }
  if (isUrgent && action === 'accept') throw new TandemError('bad_request:input', 'Record what you did about this urgent signal.');
  if (!isUrgent && action === 'acknowledge')
    throw new TandemError('bad_request:input', 'Only urgent signals are acknowledged; accept, dismiss or snooze this one.');
}

/**
 * The therapist reviews a signal: accept (optionally adding a problem to the care plan that cites
 * it, as a new plan version in the same transaction), dismiss with a reason, or snooze until a
 * later date. Every review is kept; nothing changes the care plan unless asked here.
 */
export async function reviewInsight({
  actor,
  clientId,
  input,
}: {
  actor: Actor;
  clientId: string;
  input: InsightReviewInput;
}): Promise<{ carePlanVersion: number | null }> {
  const parsed = insightReviewSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  const review = parsed.data;
  const outcome = await withAssignedClient(actor, clientId, { action: 'insight.review', subjectType: 'insights' }, async (tx, client) => {
    const i = schema.insights;
    const [insight] = await tx
      .select({ id: i.id, kind: i.kind, severity: i.severity })
      .from(i)
      .where(and(eq(i.id, review.insightId), eq(i.clientId, clientId), visibleInsights(client)));
    if (!insight) {
      await queueAudit(tx, actor, {
        action: 'insight.review',
        subjectType: 'insights',
        subjectId: review.insightId,
        subjectClientId: clientId,
        outcome: 'denied',
      });
      return null;
    }
    const isUrgent = insight.severity === 'urgent';
    refuseUrgentMismatch(isUrgent, review.action);
    if (review.action === 'snooze' && review.until <= localDateIn(client.timeZone)) {
      throw new TandemError('bad_request:input', 'Choose a date after today.');
    }
    const action = ({ accept: 'accepted', acknowledge: 'accepted', dismiss: 'dismissed', snooze: 'snoozed' } as const)[review.action];
    const reason =
      review.action === 'dismiss'
        ? dismissalText(review.reason, review.reasonText)
        : review.action === 'acknowledge'
          ? acknowledgementText(review.ackAction, review.ackNote || null)
          : null;
    const snoozedUntil = review.action === 'snooze' ? review.until : null;
    await tx.insert(schema.insightReviews).values({
      clinicId: actor.clinicId,
      insightId: insight.id,
      clientId,
      kind: insight.kind,
      reviewerId: actor.userId,
      action,
      reason,
      snoozedUntil,
    });
    await tx.update(i).set({ reviewState: action, snoozedUntil, updatedAt: new Date() }).where(eq(i.id, insight.id));
    await queueAudit(tx, actor, { action: 'insight.review', subjectType: 'insights', subjectId: insight.id, subjectClientId: clientId });
    if (isUrgent && isAlertKind(insight.kind)) {
      // The urgent signal and its alert are one event: settling one settles the other.
      const ack =
        review.action === 'acknowledge'
          ? { action: review.ackAction, note: review.ackNote || null }
          : { action: 'other' as const, note: `Urgent signal dismissed: ${reason ?? ''}`.slice(0, 2000) };
      await acknowledgeOpenAlerts(tx, actor, { clientId, kind: insight.kind, ...ack });
    }
    if (isUrgent && review.action === 'dismiss') {
      // Escalation-level for the clinic admin, who sees that it happened, never the reason.
      await queueAudit(tx, actor, {
        action: 'insight.dismiss_urgent',
        subjectType: 'insights',
        subjectId: insight.id,
        subjectClientId: clientId,
      });
    }
    let carePlanVersion: number | null = null;
    if (review.action === 'accept' && review.addToPlan === 'on') {
      const item = { id: randomUUID().slice(0, 8), text: review.planText ?? '', evidence: [{ insightId: insight.id }] };
      carePlanVersion = await appendCarePlanVersion(tx, actor, client, {
        build: (current) =>
          review.planItem === 'goal'
            ? {
                ...current,
                goals: [...current.goals, { ...item, measure: review.planMeasure ?? '', targetDate: review.planTargetDate ?? '' }],
              }
            : { ...current, problems: [...current.problems, item] },
      });
    }
    return { carePlanVersion };
  });
  if (!outcome) throw new TandemError('not_found:insight');
  return outcome;
}
