import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, schema, type Transaction } from '@/db';
import { TandemError } from '@/lib/errors';
import { wallClockAt } from '@/lib/dates';
import { CLIENT_LINKS } from '@/lib/outreach/messages';
import { getSecrets } from '@/lib/secrets';
import {
  pushSubscriptionSchema,
  reminderSettingsSchema,
  type PushSubscriptionInput,
  type ReminderSettingsInput,
} from '@/lib/validation/reminders';
import { canReadClientScope } from './access';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';
import { jsonRows, readShared, type SharedRead } from './shared-reads';

export type ReminderSettingsDto = {
  checkinEnabled: boolean;
  times: string[];
  weekdays: number[];
  quiet: { start: string; end: string } | null;
  measureEnabled: boolean;
  nudgesEnabled: boolean;
  emailAllowed: boolean;
  pushDevices: number;
  /** The push service said this device's subscription is gone: the client is told and can turn push on again. */
  pushLostAt: Date | null;
  /** Web Push's public key (VAPID), or null when push is not set up on this server. */
  vapidPublicKey: string | null;
};

function requireClient(actor: Actor) {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
}

/** The client's own reminder choices (everything off until they turn it on). */
export async function getReminderSettings({ actor }: { actor: Actor }): Promise<ReminderSettingsDto> {
  requireClient(actor);
  return withActor(actor, async (tx) => {
    const [row] = await tx.select().from(schema.reminderSettings).where(eq(schema.reminderSettings.clientId, actor.userId));
    const devices = await tx
      .select({ id: schema.pushSubscriptions.id })
      .from(schema.pushSubscriptions)
      .where(eq(schema.pushSubscriptions.clientId, actor.userId));
    return {
      checkinEnabled: row?.checkinEnabled ?? false,
      times: row?.checkinTimes ?? ['20:00'],
      weekdays: row?.weekdays ?? [1, 2, 3, 4, 5, 6, 7],
      quiet: row?.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
      measureEnabled: row?.measureEnabled ?? false,
      nudgesEnabled: row?.nudgesEnabled ?? false,
      emailAllowed: row?.emailAllowed ?? false,
      pushDevices: devices.length,
      pushLostAt: row?.pushLostAt ?? null,
      vapidPublicKey: getSecrets().vapid?.publicKey ?? null,
    };
  });
}

/** Saves the client's reminder choices; bad input changes nothing. */
export async function saveReminderSettings({ actor, input }: { actor: Actor; input: ReminderSettingsInput }): Promise<void> {
  requireClient(actor);
  const parsed = reminderSettingsSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  const v = parsed.data;
  const times = [v.firstTime, ...(v.secondTime ? [v.secondTime] : [])];
  const values = {
    checkinEnabled: v.checkinEnabled,
    checkinTimes: times,
    weekdays: [...new Set(v.weekdays)].sort(),
    quietStart: v.quietStart || null,
    quietEnd: v.quietEnd || null,
    measureEnabled: v.measureEnabled,
    nudgesEnabled: v.nudgesEnabled,
    emailAllowed: v.emailAllowed,
    updatedAt: new Date(),
  };
  await withActor(actor, async (tx) => {
    await tx
      .insert(schema.reminderSettings)
      .values({ clientId: actor.userId, clinicId: actor.clinicId, ...values })
      .onConflictDoUpdate({ target: schema.reminderSettings.clientId, set: values });
    await queueAudit(tx, actor, { action: 'reminders.update', subjectType: 'account', subjectClientId: actor.userId });
  });
}

/** Remembers this device's push subscription (opting in again clears a "push stopped" notice). */
export async function savePushSubscription({ actor, subscription }: { actor: Actor; subscription: PushSubscriptionInput }): Promise<void> {
  requireClient(actor);
  const parsed = pushSubscriptionSchema.safeParse(subscription);
  if (!parsed.success) throw new TandemError('bad_request:input', 'That push subscription is not valid.');
  const { endpoint, keys } = parsed.data;
  await withActor(actor, async (tx) => {
    await tx.delete(schema.pushSubscriptions).where(eq(schema.pushSubscriptions.endpoint, endpoint));
    await tx
      .insert(schema.pushSubscriptions)
      .values({ clinicId: actor.clinicId, clientId: actor.userId, endpoint, p256dh: keys.p256dh, auth: keys.auth });
    await tx
      .insert(schema.reminderSettings)
      .values({ clientId: actor.userId, clinicId: actor.clinicId })
      .onConflictDoUpdate({ target: schema.reminderSettings.clientId, set: { pushLostAt: null } });
    await queueAudit(tx, actor, { action: 'reminders.push_on', subjectType: 'account', subjectClientId: actor.userId });
  });
}

/** Turns push off for every device of the client's. */
export async function removePushSubscriptions({ actor }: { actor: Actor }): Promise<void> {
  requireClient(actor);
  await withActor(actor, async (tx) => {
    await tx.delete(schema.pushSubscriptions).where(eq(schema.pushSubscriptions.clientId, actor.userId));
    await tx.update(schema.reminderSettings).set({ pushLostAt: null }).where(eq(schema.reminderSettings.clientId, actor.userId));
    await queueAudit(tx, actor, { action: 'reminders.push_off', subjectType: 'account', subjectClientId: actor.userId });
  });
}

export type SentReminder = {
  id: string;
  kind: 'checkin' | 'measure' | 'nudge' | 'activation';
  dueAt: Date;
  status: (typeof schema.notificationStatusEnum.enumValues)[number];
  channel: (typeof schema.notificationChannelEnum.enumValues)[number] | null;
  pushError: string | null;
  failureReason: string | null;
  openedAt: Date | null;
};

/** What the client's reminder list shows: everything Tandem sent them. */
const CLIENT_KINDS = ['checkin', 'measure', 'nudge', 'activation'] as const;
/**
 * What reminder health tells the therapist about, under the check-ins consent: the reminders the
 * client set in settings. Not a reminder planned with the companion (that is the client's own,
 * and the policies hide it from staff too).
 */
const HEALTH_KINDS = ['checkin', 'measure', 'nudge'] as const;

/** The client's most recent reminders and nudges, newest first. */
export async function listMyReminders({ actor, limit = 20 }: { actor: Actor; limit?: number }): Promise<SentReminder[]> {
  requireClient(actor);
  return withActor(actor, async (tx) => {
    const n = schema.notifications;
    const rows = await tx
      .select({
        id: n.id,
        kind: n.kind,
        dueAt: n.dueAt,
        status: n.status,
        channel: n.channel,
        pushError: n.pushError,
        failureReason: n.failureReason,
        openedAt: n.openedAt,
      })
      .from(n)
      .where(and(eq(n.recipientId, actor.userId), inArray(n.kind, [...CLIENT_KINDS]), sql`${n.dueAt} <= now()`))
      .orderBy(desc(n.dueAt))
      .limit(Math.min(Math.max(limit, 1), 100));
    return rows as SentReminder[];
  });
}

/**
 * The client opened a reminder (push click, email link or banner): recorded once, and where it
 * leads. Someone else's reminder, or none, is not found.
 */
export async function openReminder({ actor, notificationId }: { actor: Actor; notificationId: string }): Promise<string> {
  requireClient(actor);
  const target = await withActor(actor, async (tx) => {
    const n = schema.notifications;
    const [row] = await tx
      .select({ kind: n.kind, openedAt: n.openedAt })
      .from(n)
      .where(and(eq(n.id, notificationId), eq(n.recipientId, actor.userId), inArray(n.kind, [...CLIENT_KINDS])));
    if (!row) return null;
    if (!row.openedAt)
      await tx
        .update(n)
        .set({ openedAt: new Date() })
        .where(and(eq(n.id, notificationId), isNull(n.openedAt)));
    return CLIENT_LINKS[row.kind as SentReminder['kind']];
  });
  if (!target) throw new TandemError('not_found:page');
  return target;
}

export type OutreachNotices = { reminderId: string | null; planId: string | null; pushLostAt: Date | null };

/**
 * What the client's pages show on their next visit: today's check-in reminder that went out (by
 * any channel) while they have not checked in today nor opened it; today's reminder of a small
 * thing planned with the companion, not yet opened; and whether the push service reported one
 * of their devices gone.
 */
export async function getOutreachNotices({ actor, timeZone }: { actor: Actor; timeZone: string }): Promise<OutreachNotices> {
  requireClient(actor);
  const today = wallClockAt(new Date(), timeZone).localDate;
  return withActor(actor, async (tx) => {
    const [reminder] = await queryRows<{ id: string }>(
      tx,
      sql`select n.id from notifications n
           where n.recipient_id = ${actor.userId} and n.kind = 'checkin' and n.status = 'accepted' and n.opened_at is null
             and n.due_at <= now() and (n.due_at at time zone ${timeZone})::date = ${today}::date
             and not exists (select 1 from check_ins c where c.client_id = ${actor.userId} and c.local_date = ${today}::date)
           order by n.due_at desc limit 1`,
    );
    const [plan] = await queryRows<{ id: string }>(
      tx,
      sql`select n.id from notifications n
           where n.recipient_id = ${actor.userId} and n.kind = 'activation' and n.status = 'accepted' and n.opened_at is null
             and n.due_at <= now() and (n.due_at at time zone ${timeZone})::date = ${today}::date
           order by n.due_at desc limit 1`,
    );
    const [settings] = await tx
      .select({ pushLostAt: schema.reminderSettings.pushLostAt })
      .from(schema.reminderSettings)
      .where(eq(schema.reminderSettings.clientId, actor.userId));
    return { reminderId: reminder?.id ?? null, planId: plan?.id ?? null, pushLostAt: settings?.pushLostAt ?? null };
  });
}

export type ReminderHealth =
  | { state: 'off' }
  | { state: 'waiting' }
  | { state: 'delivered'; lastDeliveredAt: Date; channel: SentReminder['channel'] }
  | { state: 'push_failing'; since: Date; fallback: 'email' | 'in_app' }
  | { state: 'failing'; since: Date };

/**
 * For the therapist, beside the sharing icons: whether the client's reminders are on and working.
 * Only the fact (never content), and only while the client shares check-ins with them: the
 * database shows the record under that consent alone; otherwise null.
 */
export async function getReminderHealth({ actor, clientId }: { actor: Actor; clientId: string }): Promise<ReminderHealth | null> {
  if (actor.role !== 'therapist') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) =>
    readReminderHealth(tx, actor, { clientId, sharesCheckIns: await canReadClientScope(tx, actor, clientId, 'checkins') }),
  );
}

type Send = { dueAt: Date; status: 'accepted' | 'failed'; channel: SentReminder['channel']; pushError: string | null };

/** Whether the client's reminders are on, and the sends of the last 60 days (at most 30), newest first. */
export function reminderSendsRead(clientId: string): SharedRead<{ isOn: boolean; recent: Send[] }> {
  const n = schema.notifications;
  const sent = jsonRows(
    { dueAt: n.dueAt, status: n.status, channel: n.channel, pushError: n.pushError },
    sql`from ${n}
       where ${n.clientId} = ${clientId}
         and ${n.kind} in (${sql.join(
           HEALTH_KINDS.map((kind) => sql`${kind}`),
           sql`, `,
         )})
         and ${n.status} in ('accepted', 'failed')
         and ${n.dueAt} >= now() - interval '60 days'`,
    sql`${n.dueAt} desc`,
    30,
  );
  return {
    key: `reminders:${clientId}`,
    json: sql`json_build_object(
      'isOn', coalesce((select r.checkin_enabled or r.measure_enabled or r.nudges_enabled
                          from ${schema.reminderSettings} r where r.client_id = ${clientId}), false),
      'recent', ${sent})`,
    // JSON carries the time as text: a Date again.
    decode: (value) => {
      const { isOn, recent } = value as { isOn: boolean; recent: (Omit<Send, 'dueAt'> & { dueAt: string })[] };
      return { isOn, recent: recent.map((r) => ({ ...r, dueAt: new Date(r.dueAt) })) };
    },
  };
}

/**
 * The reminder-health read inside the therapist's transaction: null unless the client shares
 * check-ins with them (`sharesCheckIns`, as the caller read it in this transaction).
 */
export async function readReminderHealth(
  tx: Transaction,
  actor: Actor,
  { clientId, sharesCheckIns }: { clientId: string; sharesCheckIns: boolean },
): Promise<ReminderHealth | null> {
  if (!sharesCheckIns) return null;
  const { isOn, recent } = await readShared(tx, reminderSendsRead(clientId));
  await queueAudit(tx, actor, { action: 'reminders.read', subjectType: 'check_ins', subjectClientId: clientId });
  const latest = recent[0];
  if (!latest) return isOn ? { state: 'waiting' } : { state: 'off' };
  // The run of recent sends with the same trouble gives "since when".
  const streakStart = (isTrouble: (r: (typeof recent)[number]) => boolean) => {
    let since = latest.dueAt;
    for (const r of recent) {
      if (!isTrouble(r)) break;
      since = r.dueAt;
    }
    return since;
  };
  if (latest.status === 'failed') return { state: 'failing', since: streakStart((r) => r.status === 'failed') };
  if (latest.pushError)
    return {
      state: 'push_failing',
      since: streakStart((r) => r.pushError !== null),
      fallback: latest.channel === 'email' ? 'email' : 'in_app',
    };
  if (!isOn) return { state: 'off' };
  return { state: 'delivered', lastDeliveredAt: latest.dueAt, channel: latest.channel };
}

export type EscalationEmail = {
  id: string;
  kind: 'alert_new' | 'alert_overdue';
  recipientName: string;
  status: SentReminder['status'];
  failureReason: string | null;
  sentAt: Date;
};

/** For the clinic admin's caseloads page: the escalation emails sent about urgent alerts, newest first. */
export async function listEscalationEmails({ actor, limit = 20 }: { actor: Actor; limit?: number }): Promise<EscalationEmail[]> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const n = schema.notifications;
    const rows = await tx
      .select({
        id: n.id,
        kind: n.kind,
        recipientName: schema.users.name,
        status: n.status,
        failureReason: n.failureReason,
        sentAt: n.dueAt,
      })
      .from(n)
      .innerJoin(schema.users, eq(schema.users.id, n.recipientId))
      .where(inArray(n.kind, ['alert_new', 'alert_overdue']))
      .orderBy(desc(n.dueAt))
      .limit(Math.min(Math.max(limit, 1), 100));
    await queueAudit(tx, actor, { action: 'alerts.escalations_read', subjectType: 'alerts' });
    return rows as EscalationEmail[];
  });
}
