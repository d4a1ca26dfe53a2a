import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import type { HistoryCheckIn, HistoryMeasure } from '@/lib/history/chart-data';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

/** The client's own check-ins and measure answers between two local dates, for the history page. */
export async function getHistory({
  actor,
  from,
  to,
}: {
  actor: Actor;
  from: string;
  to: string;
}): Promise<{ checkIns: HistoryCheckIn[]; measures: HistoryMeasure[] }> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const c = schema.checkIns;
    const checkIns = await tx
      .select({ localDate: c.localDate, mood: c.mood, tags: c.tags })
      .from(c)
      .where(and(eq(c.clientId, actor.userId), gte(c.localDate, from), lte(c.localDate, to)))
      .orderBy(asc(c.localDate), asc(c.recordedAt));
    const m = schema.measureResponses;
    const measures = await tx
      .select({ instrument: m.instrument, items: m.items, localDate: m.localDate })
      .from(m)
      .where(and(eq(m.clientId, actor.userId), gte(m.localDate, from), lte(m.localDate, to)))
      .orderBy(asc(m.completedAt));
    await queueAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: actor.userId });
    await queueAudit(tx, actor, { action: 'measures.read', subjectType: 'measures', subjectClientId: actor.userId });
    return { checkIns, measures };
  });
}
