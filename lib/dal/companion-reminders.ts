import 'server-only';
import { and, asc, count, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { schema, type Transaction } from '@/db';
import { TandemError } from '@/lib/errors';
import { planOneOffReminder } from '@/lib/outreach/schedule';
import { activationReminderSchema, type ActivationReminderInput } from '@/lib/validation/companion-reminder';
import { queueAudit } from './audit';
import { open, readReminderOffer, seal } from './companion';
import { withActor, type Actor } from './context';

// The optional reminder for a behavioural-activation step (docs/design.md §9–10). The client asks
// for it on the companion page after choosing one small thing; it is a one-off at a wall-clock
// time in their zone. The thing chosen is stored encrypted like every companion text and only the
// client reads it back (no policy lets a therapist or admin read these rows, even while the
// companion scope is shared); the dispatcher sees when and for whom, never what
// (lib/dal/outreach-worker.ts records it as an 'activation' notification in its minute).

/** Planned and not yet due, per client: enough for a day or two of small steps, not a scheduler. */
const MAX_PLANNED = 5;

export type PlannedReminderDto = { id: string; activity: string; dueAt: Date; localDate: string; localTime: string; timeZone: string };
/** `planned` is the reminder set for this offer; `isUsed` also covers one set and then cancelled (one per offer). */
export type ReminderOfferDto = { activity: string; suggestedTime: string | null; planned: PlannedReminderDto | null; isUsed: boolean };

function requireClient(actor: Actor) {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
}

const r = schema.companionReminders;
const plannedColumns = {
  id: r.id,
  clinicId: r.clinicId,
  clientId: r.clientId,
  ciphertext: r.ciphertext,
  dueAt: r.dueAt,
  localDate: r.localDate,
  localTime: r.localTime,
  timeZone: r.timeZone,
};
type PlannedRow = {
  id: string;
  clinicId: string;
  clientId: string;
  ciphertext: string;
  dueAt: Date;
  localDate: string;
  localTime: string;
  timeZone: string;
};
const plannedOf = ({ clinicId, clientId, ciphertext, ...row }: PlannedRow): PlannedReminderDto => ({
  ...row,
  activity: open({ clinicId, clientId, ciphertext }),
});

async function reminderForOffer(
  tx: Transaction,
  actor: Actor,
  conversationId: string,
  turn: number,
): Promise<Pick<ReminderOfferDto, 'planned' | 'isUsed'>> {
  const [row] = await tx
    .select({ ...plannedColumns, cancelledAt: r.cancelledAt })
    .from(r)
    .where(and(eq(r.clientId, actor.userId), eq(r.conversationId, conversationId), eq(r.offerTurn, turn)));
  if (!row) return { planned: null, isUsed: false };
  const { cancelledAt, ...planned } = row;
  return { planned: cancelledAt ? null : plannedOf(planned), isUsed: true };
}

/**
 * The reminder the companion is offering in one of the client's conversations: the thing they
 * chose, a time read from their own "when" (or null), and the reminder if they already set it.
 * Null once the offer has lapsed (the client said something else) or for anyone else.
 */
export async function getReminderOffer({
  actor,
  conversationId,
}: {
  actor: Actor;
  conversationId: string;
}): Promise<ReminderOfferDto | null> {
  requireClient(actor);
  if (!z.uuid().safeParse(conversationId).success) return null;
  return withActor(actor, async (tx) => {
    const offer = await readReminderOffer(tx, actor, conversationId);
    if (!offer) return null;
    return {
      activity: offer.activity,
      suggestedTime: offer.suggestedTime,
      ...(await reminderForOffer(tx, actor, conversationId, offer.turn)),
    };
  });
}

const planRefusals = {
  not_a_time: 'Enter a time like 17:30.',
  past: 'That time has already passed. Choose a later time, or tomorrow.',
  quiet_hours:
    'That time is inside your quiet hours, when Tandem sends nothing. Choose another time, or change your quiet hours in Settings.',
} as const;

/**
 * "Remind me later today / tomorrow at HH:MM", only ever on the client's explicit request, for
 * the offer standing in their conversation. Refused with a clear message, changing nothing, for a
 * time gone by, inside quiet hours or on a day of a declared break, a second request for the same
 * offer, or more than MAX_PLANNED reminders waiting.
 */
export async function planActivationReminder({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: ActivationReminderInput;
  now?: Date;
}): Promise<PlannedReminderDto> {
  requireClient(actor);
  const parsed = activationReminderSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  const { conversationId, day, time } = parsed.data;
  return withActor(actor, async (tx) => {
    const offer = await readReminderOffer(tx, actor, conversationId);
    if (!offer)
      throw new TandemError(
        'bad_request:input',
        'There is no plan waiting for a reminder here any more. Choose a small thing with the companion first.',
      );
    const [me] = await tx.select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, actor.userId));
    const timeZone = me?.timeZone ?? 'UTC';
    const [settings] = await tx
      .select({ quietStart: schema.reminderSettings.quietStart, quietEnd: schema.reminderSettings.quietEnd })
      .from(schema.reminderSettings)
      .where(eq(schema.reminderSettings.clientId, actor.userId));
    const quiet = settings?.quietStart && settings.quietEnd ? { start: settings.quietStart, end: settings.quietEnd } : null;
    const plan = planOneOffReminder({ now, timeZone, day, localTime: time, quiet });
    if (!plan.ok) throw new TandemError('bad_request:input', planRefusals[plan.reason]);

    const p = schema.pauses;
    const [onBreak] = await tx
      .select({ id: p.id })
      .from(p)
      .where(
        and(
          eq(p.clientId, actor.userId),
          isNull(p.cancelledAt),
          lte(p.startsOn, plan.localDate),
          sql`${p.endsOn} >= ${plan.localDate}::date`,
        ),
      )
      .limit(1);
    if (onBreak)
      throw new TandemError(
        'bad_request:input',
        'You are on a break that day, so Tandem sends no reminders. Choose another day, or end the break in Settings.',
      );

    const [waiting] = await tx
      .select({ n: count() })
      .from(r)
      .where(and(eq(r.clientId, actor.userId), isNull(r.cancelledAt), gt(r.dueAt, now)));
    if ((waiting?.n ?? 0) >= MAX_PLANNED)
      throw new TandemError('bad_request:input', `You already have ${MAX_PLANNED} reminders waiting. Cancel one in Settings first.`);

    const [row] = await tx
      .insert(r)
      .values({
        clinicId: actor.clinicId,
        clientId: actor.userId,
        conversationId,
        offerTurn: offer.turn,
        ciphertext: seal(actor, offer.activity),
        dueAt: plan.dueAt,
        localDate: plan.localDate,
        localTime: plan.localTime,
        timeZone,
      })
      .onConflictDoNothing({ target: [r.conversationId, r.offerTurn] })
      .returning(plannedColumns);
    if (!row) throw new TandemError('conflict:reminder_planned');
    await queueAudit(tx, actor, {
      action: 'companion.plan_reminder',
      subjectType: 'companion',
      subjectId: row.id,
      subjectClientId: actor.userId,
    });
    return plannedOf(row);
  });
}

/** The client's reminders still to come, soonest first, with the thing each is for. */
export async function listPlannedReminders({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<PlannedReminderDto[]> {
  requireClient(actor);
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select(plannedColumns)
      .from(r)
      .where(and(eq(r.clientId, actor.userId), isNull(r.cancelledAt), gt(r.dueAt, now)))
      .orderBy(asc(r.dueAt))
      .limit(MAX_PLANNED * 2);
    return rows.map(plannedOf);
  });
}

/**
 * Cancels one of the client's reminders before it goes out (cancelling twice is fine). One
 * already due has been handed to the dispatcher and cannot be called back; someone else's, or
 * none, is not found.
 */
export async function cancelPlannedReminder({
  actor,
  reminderId,
  now = new Date(),
}: {
  actor: Actor;
  reminderId: string;
  now?: Date;
}): Promise<void> {
  requireClient(actor);
  if (!z.uuid().safeParse(reminderId).success) throw new TandemError('not_found:reminder');
  await withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ dueAt: r.dueAt, cancelledAt: r.cancelledAt })
      .from(r)
      .where(and(eq(r.id, reminderId), eq(r.clientId, actor.userId)));
    if (!row) throw new TandemError('not_found:reminder');
    if (row.cancelledAt) return;
    if (row.dueAt.getTime() <= now.getTime()) throw new TandemError('conflict:reminder_sent');
    await tx
      .update(r)
      .set({ cancelledAt: now })
      .where(and(eq(r.id, reminderId), eq(r.clientId, actor.userId), isNull(r.cancelledAt)));
    await queueAudit(tx, actor, {
      action: 'companion.cancel_reminder',
      subjectType: 'companion',
      subjectId: reminderId,
      subjectClientId: actor.userId,
    });
  });
}
