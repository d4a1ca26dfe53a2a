import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { canReadClientScope } from './access';
import { recordAudit } from './audit';
import { withActor, type Actor } from './context';

export type CheckInDto = {
  id: string;
  localDate: string;
  mood: number;
  anxiety: number | null;
  energy: number | null;
  sleepHours: number | null;
  tags: string[];
  note: string | null;
};

/**
 * A client's check-ins between two local dates (inclusive). The client reads their own; the
 * assigned therapist only while `checkins` is shared. Anyone else gets not_found, audited.
 */
export async function listCheckIns({
  actor,
  clientId,
  from,
  to,
}: {
  actor: Actor;
  clientId: string;
  from?: string;
  to?: string;
}): Promise<CheckInDto[]> {
  const result = await withActor(actor, async (tx) => {
    if (!(await canReadClientScope(tx, actor, clientId, 'checkins'))) {
      await recordAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: clientId, outcome: 'denied' });
      return null;
    }
    const c = schema.checkIns;
    const rows = await tx
      .select({
        id: c.id,
        localDate: c.localDate,
        mood: c.mood,
        anxiety: c.anxiety,
        energy: c.energy,
        sleepHours: c.sleepHours,
        tags: c.tags,
        note: c.note,
      })
      .from(c)
      .where(
        and(
          eq(c.clientId, clientId),
          from === undefined ? undefined : gte(c.localDate, from),
          to === undefined ? undefined : lte(c.localDate, to),
        ),
      )
      .orderBy(asc(c.localDate), asc(c.recordedAt));
    await recordAudit(tx, actor, { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: clientId });
    return rows;
  });
  if (!result) throw new TandemError('not_found:client');
  return result;
}
