import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { isCalendarDay } from '@/lib/validation/calendar-day';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

export type PauseDto = { id: string; startsOn: string; endsOn: string; cancelledAt: Date | null };

function requireClient(actor: Actor) {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
}

/** The client's declared breaks, newest first. */
export async function listPauses({ actor }: { actor: Actor }): Promise<PauseDto[]> {
  requireClient(actor);
  return withActor(actor, async (tx) => {
    const p = schema.pauses;
    const rows = await tx
      .select({ id: p.id, startsOn: p.startsOn, endsOn: p.endsOn, cancelledAt: p.cancelledAt })
      .from(p)
      .where(eq(p.clientId, actor.userId))
      .orderBy(desc(p.startsOn), desc(p.createdAt));
    await queueAudit(tx, actor, { action: 'pauses.read', subjectType: 'account', subjectClientId: actor.userId });
    return rows;
  });
}

/**
 * "I'm away until <date>": silences disengagement signals and reminders from `startsOn` to
 * `endsOn` (local dates, inclusive). The dates are validated by the caller's schema; the
 * database also refuses an end before the start or a break over a year long.
 */
export async function createPause({ actor, startsOn, endsOn }: { actor: Actor; startsOn: string; endsOn: string }): Promise<string> {
  requireClient(actor);
  if (!isCalendarDay(startsOn) || !isCalendarDay(endsOn) || endsOn < startsOn)
    throw new TandemError('bad_request:input', 'Choose a real last day for the break, on or after its first day.');
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .insert(schema.pauses)
      .values({ clinicId: actor.clinicId, clientId: actor.userId, startsOn, endsOn })
      .returning({ id: schema.pauses.id });
    if (!row) throw new TandemError('internal');
    await queueAudit(tx, actor, { action: 'pauses.create', subjectType: 'account', subjectId: row.id, subjectClientId: actor.userId });
    return row.id;
  });
}

/** Ends a break early ("I'm back"). Cancelling someone else's or an already cancelled one finds nothing. */
export async function cancelPause({ actor, pauseId }: { actor: Actor; pauseId: string }): Promise<void> {
  requireClient(actor);
  await withActor(actor, async (tx) => {
    const p = schema.pauses;
    const rows = await tx
      .update(p)
      .set({ cancelledAt: new Date() })
      .where(and(eq(p.id, pauseId), eq(p.clientId, actor.userId), isNull(p.cancelledAt)))
      .returning({ id: p.id });
    if (rows.length === 0) throw new TandemError('not_found:page', 'That break was not found or has already ended.');
    await queueAudit(tx, actor, { action: 'pauses.cancel', subjectType: 'account', subjectId: pauseId, subjectClientId: actor.userId });
  });
}
