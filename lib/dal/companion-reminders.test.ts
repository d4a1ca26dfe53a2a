import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows, schema, type Transaction } from '@/db';
import { createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { addPause } from '@/lib/testing/factories-workspace';
import { sendCompanionMessage, startCompanionConversation } from './companion';
import { cancelPlannedReminder, getReminderOffer, listPlannedReminders, planActivationReminder } from './companion-reminders';
import type { Actor } from './context';
import { exportMyData } from './export';
import { withClinicWorker } from './context';
import { getReminderHealth, listMyReminders, saveReminderSettings } from './outreach';
import { runMinute } from '@/lib/testing/outreach';

// A morning in Lisbon (UTC+0 in November), where the factories' clients live.
const NOW = new Date('2026-11-24T10:00:00Z');
const DUE = new Date('2026-11-24T17:30:00Z');
const MINUTE = 60_000;

/** A conversation where the client picked one small thing and the companion offers a reminder for it. */
async function offerFor(client: Actor, thing = 'a walk by the river'): Promise<string> {
  const id = await startCompanionConversation({ actor: client, afterDip: false });
  for (const text of ['I need something small to do', thing, 'around 5.30pm'])
    await sendCompanionMessage({ actor: client, input: { conversationId: id, text } });
  return id;
}

const remindersOf = (clientId: string) =>
  queryRows<{ ciphertext: string }>(getDatabase(), sql`select ciphertext from companion_reminders where client_id = ${clientId}`);
const activationNotificationsOf = (clientId: string) => {
  const n = schema.notifications;
  return getDatabase()
    .select({ status: n.status, channel: n.channel, dueAt: n.dueAt, dedupeKey: n.dedupeKey, attempts: n.attempts })
    .from(n)
    .where(and(eq(n.clientId, clientId), eq(n.kind, 'activation')));
};
const auditsOf = (clientId: string) =>
  queryRows<{ action: string }>(
    getDatabase(),
    sql`select action from audit_events where subject_client_id = ${clientId} and action like 'companion.%_reminder' order by seq`,
  );

/** Runs `work` as the app role with `actor`'s context, as request code does, but without the DAL. */
function asApp<T>(actor: Actor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDatabase().transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'tandem_app', true), set_config('app.user_id', ${actor.userId}, true), set_config('app.clinic_id', ${actor.clinicId}, true)`,
    );
    return work(tx);
  });
}

describe('the companion’s activation reminder', () => {
  it('is planned only when asked, kept encrypted, and sent once, at its minute, without naming the plan', async () => {
    const { client } = await createClinicWithClient();
    const conversationId = await offerFor(client);
    expect(await getReminderOffer({ actor: client, conversationId })).toEqual({
      activity: 'a walk by the river',
      suggestedTime: '17:30',
      planned: null,
      isUsed: false,
    });
    // Being offered one plans nothing.
    expect(await remindersOf(client.userId)).toEqual([]);

    const planned = await planActivationReminder({ actor: client, input: { conversationId, day: 'today', time: '17:30' }, now: NOW });
    expect(planned).toMatchObject({
      activity: 'a walk by the river',
      dueAt: DUE,
      localDate: '2026-11-24',
      localTime: '17:30',
      timeZone: 'Europe/Lisbon',
    });
    const [stored] = await remindersOf(client.userId);
    expect(stored?.ciphertext).not.toMatch(/walk|river/);
    expect((await getReminderOffer({ actor: client, conversationId }))?.planned?.id).toBe(planned.id);
    await expect(
      planActivationReminder({ actor: client, input: { conversationId, day: 'tomorrow', time: '09:00' }, now: NOW }),
    ).rejects.toMatchObject({ code: 'conflict:reminder_planned' });
    expect(await listPlannedReminders({ actor: client, now: NOW })).toEqual([planned]);

    await runMinute({ at: new Date(DUE.getTime() - MINUTE) });
    expect(await activationNotificationsOf(client.userId)).toEqual([]);
    await Promise.all([runMinute({ at: DUE }), runMinute({ at: DUE }), runMinute({ at: DUE })]);
    await runMinute({ at: new Date(DUE.getTime() + MINUTE) });
    expect(await activationNotificationsOf(client.userId)).toEqual([
      { status: 'accepted', channel: 'in_app', dueAt: DUE, dedupeKey: `activation:${planned.id}`, attempts: 1 },
    ]);

    expect((await listMyReminders({ actor: client })).map((r) => r.kind)).toEqual(['activation']);
    expect(await listPlannedReminders({ actor: client, now: new Date(DUE.getTime() + MINUTE) })).toEqual([]);
    await expect(
      cancelPlannedReminder({ actor: client, reminderId: planned.id, now: new Date(DUE.getTime() + MINUTE) }),
    ).rejects.toMatchObject({ code: 'conflict:reminder_sent' });
    expect((await auditsOf(client.userId)).map((a) => a.action)).toEqual(['companion.plan_reminder']);
  });

  it('fires at the same wall-clock time the morning after the clocks go back', async () => {
    const { client } = await createClinicWithClient();
    const conversationId = await offerFor(client);
    // Lisbon leaves summer time (UTC+1) at 02:00 on 25 October 2026: 09:00 that morning is 09:00 UTC.
    const planned = await planActivationReminder({
      actor: client,
      input: { conversationId, day: 'tomorrow', time: '09:00' },
      now: new Date('2026-10-24T20:00:00Z'),
    });
    expect(planned.dueAt).toEqual(new Date('2026-10-25T09:00:00Z'));
    await runMinute({ at: new Date('2026-10-25T08:00:00Z') });
    expect(await activationNotificationsOf(client.userId)).toEqual([]);
    await runMinute({ at: new Date('2026-10-25T09:00:00Z') });
    expect(await activationNotificationsOf(client.userId)).toHaveLength(1);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const { client, therapist, clinicId } = await createClinicWithClient();
    const other = await createPerson(clinicId, 'client');
    const conversationId = await offerFor(client);
    const plan = (input: { conversationId: string; day: string; time: string }, actor: Actor = client) =>
      planActivationReminder({ actor, input: input as Parameters<typeof planActivationReminder>[0]['input'], now: NOW });
    const refused = async (input: { conversationId: string; day: string; time: string }, message: RegExp, actor: Actor = client) => {
      await expect(plan(input, actor)).rejects.toMatchObject({ code: 'bad_request:input', message: expect.stringMatching(message) });
    };

    await refused({ conversationId, day: 'today', time: '09:00' }, /already passed/);
    await refused({ conversationId, day: 'today', time: 'half five' }, /time like 17:30/);
    await refused({ conversationId, day: 'today', time: '9'.repeat(100_000) }, /time like 17:30/);
    await refused({ conversationId, day: 'next week', time: '17:30' }, /later today or tomorrow/);
    await refused({ conversationId: 'x'.repeat(10_000), day: 'today', time: '17:30' }, /could not find that conversation/);
    // Another client's conversation, and a conversation with no plan waiting, give the same answer.
    await refused({ conversationId, day: 'today', time: '17:30' }, /no plan waiting/, other);
    const idle = await startCompanionConversation({ actor: client, afterDip: false });
    await refused({ conversationId: idle, day: 'today', time: '17:30' }, /no plan waiting/);

    await saveReminderSettings({
      actor: client,
      input: {
        checkinEnabled: false,
        firstTime: '20:00',
        secondTime: '',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        quietStart: '22:00',
        quietEnd: '07:00',
        measureEnabled: false,
        nudgesEnabled: false,
        emailAllowed: false,
      },
    });
    await refused({ conversationId, day: 'tomorrow', time: '06:30' }, /quiet hours/);
    await addPause(client, '2026-11-25', '2026-11-27');
    await refused({ conversationId, day: 'tomorrow', time: '09:00' }, /on a break/);
    await expect(plan({ conversationId, day: 'today', time: '17:30' }, therapist)).rejects.toMatchObject({ code: 'forbidden:role' });

    expect(await remindersOf(client.userId)).toEqual([]);
    expect(await auditsOf(client.userId)).toEqual([]);
    // Still on offer: the refusals used nothing up.
    expect(await getReminderOffer({ actor: client, conversationId })).toMatchObject({ planned: null, isUsed: false });
  });

  it('can be cancelled by the client, and then nothing is sent; nobody else can cancel it', async () => {
    const { client, clinicId } = await createClinicWithClient();
    const other = await createPerson(clinicId, 'client');
    const conversationId = await offerFor(client);
    const planned = await planActivationReminder({ actor: client, input: { conversationId, day: 'today', time: '17:30' }, now: NOW });

    await expect(cancelPlannedReminder({ actor: other, reminderId: planned.id, now: NOW })).rejects.toMatchObject({
      code: 'not_found:reminder',
    });
    await expect(cancelPlannedReminder({ actor: client, reminderId: 'not-a-uuid', now: NOW })).rejects.toMatchObject({
      code: 'not_found:reminder',
    });
    expect(await listPlannedReminders({ actor: client, now: NOW })).toHaveLength(1);

    await cancelPlannedReminder({ actor: client, reminderId: planned.id, now: NOW });
    await cancelPlannedReminder({ actor: client, reminderId: planned.id, now: NOW });
    expect(await listPlannedReminders({ actor: client, now: NOW })).toEqual([]);
    // The offer it came from is used up: one reminder per offer, even once cancelled.
    expect(await getReminderOffer({ actor: client, conversationId })).toMatchObject({ planned: null, isUsed: true });
    await runMinute({ at: DUE });
    expect(await activationNotificationsOf(client.userId)).toEqual([]);
    expect((await auditsOf(client.userId)).map((a) => a.action)).toEqual(['companion.plan_reminder', 'companion.cancel_reminder']);
    // The client's own export holds it, decrypted, with its cancellation.
    const exported = await exportMyData({ actor: client, format: 'json' });
    expect(exported.companion.reminders).toEqual([
      {
        activity: 'a walk by the river',
        dueAt: DUE.toISOString(),
        localDate: '2026-11-24',
        localTime: '17:30',
        timeZone: 'Europe/Lisbon',
        cancelledAt: NOW.toISOString(),
      },
    ]);
  });

  it('is not sent when its minute falls on a break or in quiet hours declared after it was planned', async () => {
    const away = await createClinicWithClient();
    await planActivationReminder({
      actor: away.client,
      input: { conversationId: await offerFor(away.client), day: 'today', time: '17:30' },
      now: NOW,
    });
    await addPause(away.client, '2026-11-24', '2026-11-25');
    const quiet = await createClinicWithClient();
    await planActivationReminder({
      actor: quiet.client,
      input: { conversationId: await offerFor(quiet.client), day: 'today', time: '17:30' },
      now: NOW,
    });
    await saveReminderSettings({
      actor: quiet.client,
      input: {
        checkinEnabled: false,
        firstTime: '20:00',
        secondTime: '',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        quietStart: '17:00',
        quietEnd: '18:00',
        measureEnabled: false,
        nudgesEnabled: false,
        emailAllowed: false,
      },
    });

    await runMinute({ at: DUE });
    expect(await activationNotificationsOf(away.client.userId)).toEqual([]);
    expect(await activationNotificationsOf(quiet.client.userId)).toEqual([]);
  });

  it('underneath, only the client reads it: not another client, not their therapist even with the companion shared, not the worker’s words', async () => {
    const { client, therapist, admin, clinicId } = await createClinicWithClient();
    const other = await createPerson(clinicId, 'client');
    await grant(client, therapist, 'companion');
    await grant(client, therapist, 'checkins');
    const planned = await planActivationReminder({
      actor: client,
      input: { conversationId: await offerFor(client), day: 'today', time: '17:30' },
      now: NOW,
    });
    await runMinute({ at: DUE });

    const seen = (actor: Actor) =>
      asApp(actor, async (tx) => {
        const [row] = await queryRows<{ plans: number; sent: number }>(
          tx,
          sql`select (select count(*) from companion_reminders)::int as plans, (select count(*) from notifications where kind = 'activation')::int as sent`,
        );
        return row;
      });
    expect(await seen(client)).toEqual({ plans: 1, sent: 1 });
    for (const someone of [other, therapist, admin]) expect(await seen(someone)).toEqual({ plans: 0, sent: 0 });
    // Reminder health (check-ins shared) tells the therapist nothing about it either.
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toEqual({ state: 'off' });
    // A client cannot move their reminder's time or plan around the checks: only cancelling is granted.
    await expect(
      asApp(client, (tx) => tx.execute(sql`update companion_reminders set due_at = now() where id = ${planned.id}`)),
    ).rejects.toThrow();

    // The dispatcher reads when and for whom, and may not read what.
    const [when] = await withClinicWorker(clinicId, (tx) =>
      queryRows<{ id: string }>(tx, sql`select id from companion_reminders where id = ${planned.id}`),
    );
    expect(when?.id).toBe(planned.id);
    await expect(withClinicWorker(clinicId, (tx) => tx.execute(sql`select ciphertext from companion_reminders`))).rejects.toThrow();
  });
});
