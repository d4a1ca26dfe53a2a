import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { getDatabase, queryRows, schema } from '@/db';
import { createQueue } from '@/db/queue';
import { addDays, instantOf } from '@/lib/dates';
import { runMinute } from '@/lib/testing/outreach';
import { acknowledgeAlert, addAlert, addCheckIn, addClientOf, createClinicWithClient, grant } from '@/lib/testing/factories';
import { addDailyMood, addPause, daysAgo } from '@/lib/testing/factories-workspace';
import { createQueues, NIGHTLY, queueDueMinutes, runNightlyJob } from './background';
import { listStoredInsights } from './insights';
import { getReminderHealth, getReminderSettings, listEscalationEmails, listMyReminders, saveReminderSettings } from './outreach';
import { previewDueReminders, recordDueReminders, scheduleNudge, sendDueNotifications } from './outreach-worker';

const LISBON = 'Europe/Lisbon';
// A week ago: the therapist's reminder health reads the sends of the last 60 days.
const DAY = daysAgo(7);
const at20 = instantOf(DAY, '20:00', LISBON);

const reminderOn = {
  checkinEnabled: true,
  firstTime: '20:00',
  secondTime: '',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  quietStart: '',
  quietEnd: '',
  measureEnabled: false,
  nudgesEnabled: false,
  emailAllowed: false,
};

const notificationsOf = (clientId: string) =>
  queryRows<{ kind: string; status: string; channel: string | null; attempts: number; dedupe_key: string }>(
    getDatabase(),
    sql`select kind, status, channel, attempts, dedupe_key from notifications where client_id = ${clientId} order by created_at`,
  );

describe('a minute of outreach', () => {
  it('sends a client their 20:00 reminder once, however many workers run the minute', async () => {
    const { client, clinicId } = await createClinicWithClient();
    await saveReminderSettings({ actor: client, input: reminderOn });
    expect(await previewDueReminders({ clinicId, at: at20 })).toMatchObject([
      { kind: 'checkin', localTime: '20:00', timeZone: LISBON, channel: 'in_app' },
    ]);

    await Promise.all([runMinute({ at: at20 }), runMinute({ at: at20 }), runMinute({ at: at20 })]);
    await runMinute({ at: at20 });
    expect(await notificationsOf(client.userId)).toEqual([
      { kind: 'checkin', status: 'accepted', channel: 'in_app', attempts: 1, dedupe_key: `checkin:${client.userId}:${DAY}:20:00` },
    ]);
    expect(await previewDueReminders({ clinicId, at: at20 })).toEqual([]);
    expect(await listMyReminders({ actor: client })).toHaveLength(1);
  });

  it('sends nothing a minute early, on a day already logged or during a break', async () => {
    const logged = await createClinicWithClient();
    await saveReminderSettings({ actor: logged.client, input: reminderOn });
    await addCheckIn(logged.client, DAY, 6);
    const away = await createClinicWithClient();
    await saveReminderSettings({ actor: away.client, input: reminderOn });
    await addPause(away.client, addDays(DAY, -2), addDays(DAY, 2));
    const early = await createClinicWithClient();
    await saveReminderSettings({ actor: early.client, input: reminderOn });

    await runMinute({ at: new Date(at20.getTime() - 60_000) });
    await runMinute({ at: at20 });
    expect(await notificationsOf(logged.client.userId)).toEqual([]);
    expect(await notificationsOf(away.client.userId)).toEqual([]);
    expect(await notificationsOf(early.client.userId)).toHaveLength(1);
  });

  it('finds each zone’s own slots in one pass, a time the clocks skipped included', async () => {
    // 2027-03-14 07:00 UTC: 03:00 in New York, the first minute after the spring-forward gap
    // (02:30 never happens there that night and fires now), and 07:00 in Lisbon.
    const at = new Date('2027-03-14T07:00:00Z');
    const { client: lisbon, therapist, clinicId } = await createClinicWithClient();
    const newYork = await addClientOf(therapist);
    await getDatabase()
      .update(schema.users)
      .set({ timeZone: 'America/New_York' })
      .where(sql`id = ${newYork.userId}`);
    await saveReminderSettings({ actor: lisbon, input: { ...reminderOn, firstTime: '07:00' } });
    await saveReminderSettings({ actor: newYork, input: { ...reminderOn, firstTime: '02:30', secondTime: '07:00' } });

    const due = await previewDueReminders({ clinicId, at });
    expect(due.map((d) => [d.clientId, d.localDate, d.localTime, d.timeZone]).sort()).toEqual(
      [
        [lisbon.userId, '2027-03-14', '07:00', LISBON],
        [newYork.userId, '2027-03-14', '02:30', 'America/New_York'],
      ].sort(),
    );
    expect(await runMinute({ at })).toBe(2);
    expect(await runMinute({ at })).toBe(0);
  });

  it('retries a send interrupted mid-way once the claim has lapsed, and only that one', async () => {
    const { client, clinicId } = await createClinicWithClient();
    await saveReminderSettings({ actor: client, input: reminderOn });
    expect(await recordDueReminders({ clinicId, at: at20 })).toBe(1);
    // A worker claims the reminder and dies before sending it.
    await getDatabase().execute(
      sql`update notifications set status = 'sending', claimed_at = now(), attempts = 1 where client_id = ${client.userId}`,
    );
    const later = new Date(at20.getTime() + 60_000);
    expect(await sendDueNotifications({ clinicId, now: later })).toBe(0);
    // A minute and a half later the claim has lapsed: another worker takes it over, once.
    await getDatabase().execute(
      sql`update notifications set claimed_at = now() - interval '90 seconds' where client_id = ${client.userId}`,
    );
    expect(await sendDueNotifications({ clinicId, now: later })).toBe(1);
    expect(await sendDueNotifications({ clinicId, now: later })).toBe(0);
    expect(await notificationsOf(client.userId)).toMatchObject([{ status: 'accepted', attempts: 2 }]);
  });
});

describe('self-care nudges', () => {
  it('schedules one gentle nudge for later on a day well below the client’s usual, only when they turned nudges on', async () => {
    const { client, clinicId } = await createClinicWithClient();
    await addDailyMood(client, { fromDaysAgo: 34, toDaysAgo: 0, mood: (ago) => (ago < 7 ? 3 : 7) });
    const checkedInAt = instantOf(daysAgo(0), '09:00', LISBON);
    await saveReminderSettings({ actor: client, input: reminderOn });
    expect(await scheduleNudge({ clinicId, clientId: client.userId, checkedInAt })).toBe(false);

    await saveReminderSettings({ actor: client, input: { ...reminderOn, nudgesEnabled: true } });
    expect(await scheduleNudge({ clinicId, clientId: client.userId, checkedInAt })).toBe(true);
    expect(await scheduleNudge({ clinicId, clientId: client.userId, checkedInAt: new Date(checkedInAt.getTime() + 3_600_000) })).toBe(
      false,
    );
    const [nudge] = await queryRows<{ kind: string; due_at: Date; local_time: string }>(
      getDatabase(),
      sql`select kind, due_at, local_time from notifications where client_id = ${client.userId}`,
    );
    expect(nudge).toMatchObject({ kind: 'nudge', local_time: '11:00' });
  });
});

describe('escalations', () => {
  it('emails a new alert to the therapist once, and an overdue one to the therapist and every admin once each, audited', async () => {
    const { client, therapist, admin, clinicId } = await createClinicWithClient();
    const fresh = await addAlert(client, therapist, 1);
    const overdue = await addAlert(client, therapist, 30);
    const settled = await addAlert(client, therapist, 40);
    await acknowledgeAlert(settled, clinicId, therapist);
    const now = new Date();
    await runMinute({ at: now });
    await runMinute({ at: now });

    const rows = await queryRows<{ kind: string; recipient_id: string; dedupe_key: string }>(
      getDatabase(),
      sql`select kind, recipient_id, dedupe_key from notifications where client_id = ${client.userId} order by kind, recipient_id`,
    );
    expect(rows.map((r) => [r.kind, r.dedupe_key.split(':')[1], r.recipient_id]).sort()).toEqual(
      [
        ['alert_new', fresh, therapist.userId],
        ['alert_overdue', overdue, therapist.userId],
        ['alert_overdue', overdue, admin.userId],
      ].sort(),
    );
    const audits = await queryRows<{ action: string; n: number }>(
      getDatabase(),
      sql`select action, count(*)::int as n from audit_events where subject_client_id = ${client.userId} and action like 'alerts.%' group by action order by action`,
    );
    expect(audits).toEqual([
      { action: 'alerts.escalate', n: 2 },
      { action: 'alerts.notify', n: 1 },
    ]);
    expect((await listEscalationEmails({ actor: admin })).map((e) => e.kind).sort()).toEqual([
      'alert_new',
      'alert_overdue',
      'alert_overdue',
    ]);
  });
});

describe('reminder health for the therapist', () => {
  it('shows the fact of delivery only while the client shares check-ins', async () => {
    const { client, therapist } = await createClinicWithClient();
    await saveReminderSettings({ actor: client, input: reminderOn });
    await runMinute({ at: at20 });
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toBeNull();
    await grant(client, therapist, 'checkins');
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toMatchObject({
      state: 'delivered',
      channel: 'in_app',
      lastDeliveredAt: expect.any(Date),
    });
    expect((await getReminderSettings({ actor: client })).checkinEnabled).toBe(true);
  });

  it('says reminders are off, or on and not yet sent, when nothing was sent', async () => {
    const { client, therapist } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toEqual({ state: 'off' });
    await saveReminderSettings({ actor: client, input: reminderOn });
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toEqual({ state: 'waiting' });
  });
});

describe('the nightly recompute', () => {
  let boss: PgBoss;
  beforeAll(async () => {
    boss = createQueue({ supervise: false, schedule: false });
    await boss.start();
    await createQueues(boss);
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
  });

  it('is queued once at 02:00 in the clinic’s zone and stores a disengagement signal for a client silent for 10 days', async () => {
    // Only the days below: a check-in on a fixed day would open a long gap, which makes ten days usual.
    const { client, clinicId } = await createClinicWithClient(undefined, { checkIns: [] });
    await getDatabase()
      .update(schema.clinics)
      .set({ timeZone: LISBON })
      .where(sql`id = ${clinicId}`);
    await addDailyMood(client, { fromDaysAgo: 60, toDaysAgo: 10, mood: () => 6 });
    expect((await listStoredInsights({ clinicId, clientId: client.userId })).map((i) => i.kind)).not.toContain('disengagement');

    // The earlier tests dispatched minutes up to now; the night's minute comes before that.
    await getDatabase().update(schema.outreachState).set({ lastMinuteDone: null });
    const twoAm = instantOf(daysAgo(0), '02:00', LISBON);
    await queueDueMinutes(boss, twoAm);
    await queueDueMinutes(boss, new Date(twoAm.getTime() + 20_000));
    const jobs = await boss.fetch<{ clinicId: string; localDate: string }>(NIGHTLY, { batchSize: 50 });
    const ours = (jobs ?? []).filter((j) => j.data.clinicId === clinicId);
    expect(ours.map((j) => j.data)).toEqual([{ clinicId, localDate: daysAgo(0) }]);
    await runNightlyJob(ours[0]!.data);
    expect((await listStoredInsights({ clinicId, clientId: client.userId })).map((i) => i.kind)).toContain('disengagement');
  });
});
