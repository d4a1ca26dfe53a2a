import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDatabase, queryRows, schema, type Transaction } from '@/db';
import { sendMail } from '@/lib/mail/send-mail';
import { moodNudge } from '@/lib/capture/nudge';
import { addDays } from '@/lib/dates';
import { publicOrigin } from '@/lib/env';
import { clientMessage, clientReminderEmail, staffAlertEmail, type ClientNotificationKind } from '@/lib/outreach/messages';
import { sendPush, type PushTarget } from '@/lib/outreach/push';
import { wallClockAt, type WallClock } from '@/lib/dates';
import { decideCheckInReminder, decideOneOffReminder, minuteStart, nudgeInstant, slotsFiringAt } from '@/lib/outreach/schedule';
import { getSecrets } from '@/lib/secrets';
import { queueWorkerAudit } from './audit';
import { withClinicWorker } from './context';

// Background work of outreach (docs/design.md §9), as each clinic's worker role. Idempotent by
// construction: every notification has a unique dedupe key, recorded before anything is sent,
// so a second worker or a retried job finds it recorded and sends nothing new.

export type NotificationKind = (typeof schema.notificationKindEnum.enumValues)[number];
export type NotificationChannel = (typeof schema.notificationChannelEnum.enumValues)[number];

export type DueReminder = {
  clinicId: string;
  clientId: string;
  clientEmail: string;
  kind: 'checkin' | 'measure' | 'activation';
  channel: NotificationChannel;
  localDate: string;
  localTime: string;
  timeZone: string;
  dedupeKey: string;
  dueAt: Date;
};

/**
 * A claimed notification whose send was interrupted (a worker died) is retried once its claim
 * has not been renewed for this long. A live worker renews its claims every LEASE_RENEW_MS until
 * their outcomes are recorded, so only a dead worker's sends are retaken, however slow a send.
 */
const CLAIM_LEASE_SECONDS = 15;
const LEASE_RENEW_MS = 4_000;
/**
 * Each worker process sends in SEND_LANES loops of SEND_BATCH claimed notifications: enough in
 * flight to keep the push service busy, few enough that little is claimed at any moment.
 */
const SEND_BATCH = 50;
const SEND_LANES = 4;
/** Tries at recording a finished send before giving up (each waits a little longer). */
const RECORD_ATTEMPTS = 6;
/** Attempts before a notification is given up as failed. */
const MAX_ATTEMPTS = 3;
/** New urgent alerts older than this are not emailed "at once" any more (a worker down for days). */
const NEW_ALERT_WINDOW_HOURS = 24;
/** Unacknowledged alerts are escalated at most this long after they were raised. */
const OVERDUE_ALERT_WINDOW_DAYS = 30;

/** A text[] parameter (drizzle spreads a plain JS array into a list). */
function textArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** Work with the worker role and no clinic: only `outreach_clinics()` answers anything. */
async function withWorkerOutsideClinics<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDatabase().transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'tandem_worker', true), set_config('jit', 'off', true)`);
    return work(tx);
  });
}

export async function listOutreachClinics(): Promise<{ clinicId: string; timeZone: string }[]> {
  return withWorkerOutsideClinics((tx) =>
    queryRows<{ clinicId: string; timeZone: string }>(
      tx,
      sql`select clinic_id as "clinicId", time_zone as "timeZone" from outreach_clinics()`,
    ),
  );
}

type Candidate = {
  clientId: string;
  email: string;
  checkinEnabled: boolean;
  checkinTimes: string[];
  weekdays: number[];
  quietStart: string | null;
  quietEnd: string | null;
  measureEnabled: boolean;
  emailAllowed: boolean;
  hasPush: boolean;
  hasCheckedIn: boolean;
  isOnBreak: boolean;
  measureState: string | null;
};

function channelFor(c: { hasPush: boolean; emailAllowed: boolean }): NotificationChannel {
  return c.hasPush ? 'push' : c.emailAllowed ? 'email' : 'in_app';
}

/**
 * What a clinic's clients are due in the minute starting at `at`: their daily reminders and the
 * one-off reminders they planned with the companion.
 */
async function dueInMinute(tx: Transaction, clinicId: string, at: Date): Promise<DueReminder[]> {
  return [...(await dailyInMinute(tx, clinicId, at)), ...(await plannedInMinute(tx, clinicId, at))];
}

/**
 * Check-in reminders at the clients' chosen wall-clock times, and a questionnaire reminder at
 * their first time when a PHQ-9 or GAD-7 is due at the clinic's cadence (once per due
 * questionnaire, not every day).
 */
async function dailyInMinute(tx: Transaction, clinicId: string, at: Date): Promise<DueReminder[]> {
  const zones = await queryRows<{ timeZone: string }>(
    tx,
    sql`select distinct u.time_zone as "timeZone" from reminder_settings r join users u on u.id = r.client_id
         where r.clinic_id = ${clinicId} and (r.checkin_enabled or r.measure_enabled)`,
  );
  // The slots firing in each zone, by local date: usually one per zone; the minute after a
  // spring-forward gap carries the skipped ones too.
  const groups: { timeZone: string; localDate: string; times: string[]; slots: WallClock[] }[] = [];
  for (const { timeZone } of zones) {
    for (const slot of slotsFiringAt(at, timeZone)) {
      const group = groups.find((g) => g.timeZone === timeZone && g.localDate === slot.localDate);
      if (group) {
        group.times.push(slot.localTime);
        group.slots.push(slot);
      } else groups.push({ timeZone, localDate: slot.localDate, times: [slot.localTime], slots: [slot] });
    }
  }
  if (groups.length === 0) return [];
  const slotRows = JSON.stringify(groups.map(({ timeZone, localDate, times }) => ({ time_zone: timeZone, local_date: localDate, times })));
  const allTimes = [...new Set(groups.flatMap((g) => g.times))];
  // One query for every zone: the index on reminder times finds the minute's few thousand
  // candidates among all clients, then each is matched to its own zone's slots.
  const candidates = await queryRows<Candidate & { timeZone: string; localDate: string }>(
    tx,
    sql`with slot as (select * from json_to_recordset(${slotRows}::json) as s(time_zone text, local_date date, times text[]))
        select s.time_zone as "timeZone", s.local_date::text as "localDate",
               r.client_id as "clientId", u.email, r.checkin_enabled as "checkinEnabled", r.checkin_times as "checkinTimes",
               r.weekdays, r.quiet_start as "quietStart", r.quiet_end as "quietEnd", r.measure_enabled as "measureEnabled",
               r.email_allowed as "emailAllowed",
               exists (select 1 from push_subscriptions p where p.client_id = r.client_id) as "hasPush",
               exists (select 1 from check_ins c where c.client_id = r.client_id and c.local_date = s.local_date) as "hasCheckedIn",
               exists (select 1 from pauses p where p.client_id = r.client_id and p.cancelled_at is null
                         and s.local_date between p.starts_on and p.ends_on) as "isOnBreak",
               case when r.measure_enabled and r.checkin_times[1] = any (s.times) then (
                 select string_agg(i.instrument || '@' || coalesce(last.local_date::text, 'never'), ',' order by i.instrument)
                   from unnest(array['phq9', 'gad7']::instrument[]) as i(instrument)
                   left join lateral (select m.local_date from measure_responses m
                                       where m.client_id = r.client_id and m.instrument = i.instrument
                                       order by m.completed_at desc limit 1) last on true
                  where last.local_date is null
                     or last.local_date + coalesce((select ms.cadence_days from measure_schedules ms
                                                      where ms.client_id = r.client_id and ms.instrument = i.instrument),
                                                     (select c.measure_cadence_days from clinics c where c.id = r.clinic_id)) <= s.local_date
               ) end as "measureState"
          from reminder_settings r
          join users u on u.id = r.client_id
          join slot s on s.time_zone = u.time_zone and r.checkin_times && s.times
         where r.clinic_id = ${clinicId} and u.deactivated_at is null and r.checkin_times && ${textArray(allTimes)}`,
  );
  const due: DueReminder[] = [];
  for (const c of candidates) {
    const { timeZone, localDate } = c;
    const daySlots = groups.find((g) => g.timeZone === timeZone && g.localDate === localDate)?.slots ?? [];
    const quiet = c.quietStart && c.quietEnd ? { start: c.quietStart, end: c.quietEnd } : null;
    const channel = channelFor(c);
    for (const slot of daySlots) {
      const decision = decideCheckInReminder({ isEnabled: c.checkinEnabled, times: c.checkinTimes, weekdays: c.weekdays, quiet }, slot, {
        isOnBreak: c.isOnBreak,
        hasCheckedIn: c.hasCheckedIn,
      });
      const base = {
        clinicId,
        clientId: c.clientId,
        clientEmail: c.email,
        channel,
        localDate,
        localTime: slot.localTime,
        timeZone,
        dueAt: at,
      };
      if (decision === 'send') due.push({ ...base, kind: 'checkin', dedupeKey: `checkin:${c.clientId}:${localDate}:${slot.localTime}` });
      const isMeasureSlot = slot.localTime === c.checkinTimes[0] && c.measureState && !c.isOnBreak;
      const isMeasureAllowed =
        decideCheckInReminder({ isEnabled: true, times: c.checkinTimes, weekdays: c.weekdays, quiet }, slot, {
          isOnBreak: false,
          hasCheckedIn: false,
        }) === 'send';
      if (isMeasureSlot && isMeasureAllowed) due.push({ ...base, kind: 'measure', dedupeKey: `measure:${c.clientId}:${c.measureState}` });
    }
  }
  return due;
}

/**
 * The one-off reminders clients planned with the companion for the minute starting at `at`
 * (lib/dal/companion-reminders.ts). The plan's instant was fixed when it was set (right across
 * daylight-saving changes); quiet hours and breaks are read again now, as for every reminder.
 * The worker reads when and for whom only: it has no grant on the plan's words.
 */
async function plannedInMinute(tx: Transaction, clinicId: string, at: Date): Promise<DueReminder[]> {
  const planned = await queryRows<{
    id: string;
    clientId: string;
    email: string;
    localDate: string;
    localTime: string;
    timeZone: string;
    isCancelled: boolean;
    quietStart: string | null;
    quietEnd: string | null;
    emailAllowed: boolean;
    hasPush: boolean;
    isOnBreak: boolean;
  }>(
    tx,
    sql`select r.id, r.client_id as "clientId", u.email, r.local_date::text as "localDate", r.local_time as "localTime", r.time_zone as "timeZone",
               r.cancelled_at is not null as "isCancelled", s.quiet_start as "quietStart", s.quiet_end as "quietEnd",
               coalesce(s.email_allowed, false) as "emailAllowed",
               exists (select 1 from push_subscriptions p where p.client_id = r.client_id) as "hasPush",
               exists (select 1 from pauses p where p.client_id = r.client_id and p.cancelled_at is null
                         and r.local_date between p.starts_on and p.ends_on) as "isOnBreak"
          from companion_reminders r join users u on u.id = r.client_id
          left join reminder_settings s on s.client_id = r.client_id
         where r.clinic_id = ${clinicId} and u.deactivated_at is null
           and r.due_at >= ${at} and r.due_at < ${at}::timestamptz + interval '1 minute'`,
  );
  return planned
    .filter((p) => {
      const quiet = p.quietStart && p.quietEnd ? { start: p.quietStart, end: p.quietEnd } : null;
      return decideOneOffReminder({ isCancelled: p.isCancelled, localTime: p.localTime }, { quiet, isOnBreak: p.isOnBreak }) === 'send';
    })
    .map((p) => ({
      clinicId,
      clientId: p.clientId,
      clientEmail: p.email,
      kind: 'activation' as const,
      channel: channelFor(p),
      localDate: p.localDate,
      localTime: p.localTime,
      timeZone: p.timeZone,
      dedupeKey: `activation:${p.id}`,
      dueAt: at,
    }));
}

/** What the queue would send in the minute starting at `at`, without sending or recording anything. */
export async function previewDueReminders({ clinicId, at }: { clinicId: string; at: Date }): Promise<DueReminder[]> {
  const due = await withClinicWorker(clinicId, (tx) => dueInMinute(tx, clinicId, minuteStart(at)));
  if (due.length === 0) return due;
  const recorded = await withClinicWorker(clinicId, (tx) =>
    tx
      .select({ key: schema.notifications.dedupeKey })
      .from(schema.notifications)
      .where(
        inArray(
          schema.notifications.dedupeKey,
          due.map((d) => d.dedupeKey),
        ),
      ),
  );
  const done = new Set(recorded.map((r) => r.key));
  return due.filter((d) => !done.has(d.dedupeKey));
}

/** Records the minute's due reminders as pending notifications; returns how many were new. */
export async function recordDueReminders({ clinicId, at }: { clinicId: string; at: Date }): Promise<number> {
  return withClinicWorker(clinicId, async (tx) => {
    const due = await dueInMinute(tx, clinicId, minuteStart(at));
    let recorded = 0;
    for (let i = 0; i < due.length; i += 1000) {
      const rows = await tx
        .insert(schema.notifications)
        .values(
          due.slice(i, i + 1000).map((d) => ({
            clinicId,
            clientId: d.clientId,
            recipientId: d.clientId,
            kind: d.kind,
            dedupeKey: d.dedupeKey,
            dueAt: d.dueAt,
            localTime: d.localTime,
            timeZone: d.timeZone,
          })),
        )
        .onConflictDoNothing({ target: schema.notifications.dedupeKey })
        .returning({ id: schema.notifications.id });
      recorded += rows.length;
    }
    return recorded;
  });
}

/**
 * Escalations that arrive (docs/design.md §9): a new urgent alert emails its therapist at once (the
 * clinic's admins when nobody is assigned); one still unacknowledged past the clinic's escalation
 * time emails the therapist again and every active admin. Once each (dedupe key per alert, step
 * and person), audited as `alerts.escalate`.
 */
export async function recordEscalations({ clinicId, now }: { clinicId: string; now: Date }): Promise<number> {
  return withClinicWorker(clinicId, async (tx) => {
    const admins = await queryRows<{ id: string }>(
      tx,
      sql`select m.user_id as id from memberships m join users u on u.id = m.user_id
           where m.clinic_id = ${clinicId} and m.role = 'admin' and u.deactivated_at is null order by m.created_at`,
    );
    const alerts = await queryRows<{ id: string; clientId: string; therapistId: string | null; isOverdue: boolean; isNew: boolean }>(
      tx,
      sql`select a.id, a.client_id as "clientId", a.therapist_id as "therapistId",
                 a.created_at + make_interval(hours => c.escalation_hours) <= ${now} as "isOverdue",
                 a.created_at > ${now}::timestamptz - make_interval(hours => ${NEW_ALERT_WINDOW_HOURS}) as "isNew"
            from alerts a join clinics c on c.id = a.clinic_id
           where a.clinic_id = ${clinicId}
             and a.created_at > ${now}::timestamptz - make_interval(days => ${OVERDUE_ALERT_WINDOW_DAYS})
             and a.created_at <= ${now}
             and not exists (select 1 from alert_acknowledgements k where k.alert_id = a.id)`,
    );
    const rows: (typeof schema.notifications.$inferInsert)[] = [];
    for (const alert of alerts) {
      const therapist = alert.therapistId ? [alert.therapistId] : [];
      const add = (kind: 'alert_new' | 'alert_overdue', recipients: string[]) => {
        for (const recipientId of new Set(recipients)) {
          rows.push({ clinicId, clientId: alert.clientId, recipientId, kind, dedupeKey: `${kind}:${alert.id}:${recipientId}`, dueAt: now });
        }
      };
      if (alert.isNew) add('alert_new', therapist.length > 0 ? therapist : admins.map((a) => a.id));
      if (alert.isOverdue) add('alert_overdue', [...therapist, ...admins.map((a) => a.id)]);
    }
    if (rows.length === 0) return 0;
    const inserted = await tx
      .insert(schema.notifications)
      .values(rows)
      .onConflictDoNothing({ target: schema.notifications.dedupeKey })
      .returning({ kind: schema.notifications.kind, dedupeKey: schema.notifications.dedupeKey, clientId: schema.notifications.clientId });
    for (const n of inserted) {
      queueWorkerAudit(tx, {
        action: n.kind === 'alert_new' ? 'alerts.notify' : 'alerts.escalate',
        subjectType: 'alerts',
        subjectId: n.dedupeKey.split(':')[1],
        subjectClientId: n.clientId,
      });
    }
    return inserted.length;
  });
}

/**
 * After a check-in, a self-care nudge for later that day when the client turned nudges on and
 * the check-in sits well below their own usual level (the rule behind the check-in page's gentle
 * message, lib/capture/nudge). At most one a day: the dedupe key is the client's local date.
 */
export async function scheduleNudge({
  clinicId,
  clientId,
  checkedInAt,
}: {
  clinicId: string;
  clientId: string;
  checkedInAt: Date;
}): Promise<boolean> {
  return withClinicWorker(clinicId, async (tx) => {
    const [settings] = await queryRows<{ nudgesEnabled: boolean; quietStart: string | null; quietEnd: string | null; timeZone: string }>(
      tx,
      sql`select r.nudges_enabled as "nudgesEnabled", r.quiet_start as "quietStart", r.quiet_end as "quietEnd", u.time_zone as "timeZone"
            from reminder_settings r join users u on u.id = r.client_id where r.client_id = ${clientId}`,
    );
    if (!settings?.nudgesEnabled) return false;
    const today = wallClockAt(checkedInAt, settings.timeZone).localDate;
    const entries = await tx
      .select({ localDate: schema.checkIns.localDate, mood: schema.checkIns.mood, tags: schema.checkIns.tags })
      .from(schema.checkIns)
      .where(and(eq(schema.checkIns.clientId, clientId), sql`${schema.checkIns.localDate} > ${addDays(today, -36)}::date`));
    if (!moodNudge(entries, today)) return false;
    const quiet = settings.quietStart && settings.quietEnd ? { start: settings.quietStart, end: settings.quietEnd } : null;
    const at = nudgeInstant(checkedInAt, settings.timeZone, quiet);
    if (!at) return false;
    const rows = await tx
      .insert(schema.notifications)
      .values({
        clinicId,
        clientId,
        recipientId: clientId,
        kind: 'nudge',
        dedupeKey: `nudge:${clientId}:${today}`,
        dueAt: at,
        localTime: wallClockAt(at, settings.timeZone).localTime,
        timeZone: settings.timeZone,
      })
      .onConflictDoNothing({ target: schema.notifications.dedupeKey })
      .returning({ id: schema.notifications.id });
    return rows.length > 0;
  });
}

type Subscription = PushTarget & { id: string };
/** A claimed notification with what sending it needs: the recipient's address, choice of email and devices. */
type Claimed = {
  id: string;
  kind: NotificationKind;
  clientId: string;
  recipientId: string;
  attempts: number;
  dedupeKey: string;
  email: string | null;
  emailAllowed: boolean;
  subscriptions: Subscription[];
};

/**
 * Claims up to `limit` notifications that are due (or whose sender died mid-send: its claim was
 * not renewed within the lease) for this worker: committed before anything is sent, skipping rows
 * another worker holds. The claim's attempt number is its token: only the holder of that attempt
 * renews the claim or records the outcome.
 */
async function claimDue(clinicId: string, now: Date, limit: number): Promise<Claimed[]> {
  return withClinicWorker(clinicId, (tx) =>
    queryRows<Claimed>(
      tx,
      // The claim is stamped with the database's clock at the moment of claiming (not the job's
      // start), so a long dispatch's later batches are not mistaken for a dead worker's.
      sql`with claimed as (
            update notifications n set status = 'sending', claimed_at = clock_timestamp(), attempts = n.attempts + 1
             where n.id in (select id from notifications
                             where clinic_id = ${clinicId}
                               and ((status = 'pending' and due_at <= ${now})
                                 or (status = 'sending' and claimed_at < clock_timestamp() - make_interval(secs => ${CLAIM_LEASE_SECONDS})))
                             order by due_at limit ${limit} for update skip locked)
            returning n.id, n.kind, n.client_id, n.recipient_id, n.attempts, n.dedupe_key,
                      coalesce((select r.email_allowed from reminder_settings r where r.client_id = n.recipient_id), false) as email_allowed)
          select n.id, n.kind, n.client_id as "clientId", n.recipient_id as "recipientId", n.attempts, n.dedupe_key as "dedupeKey",
                 -- The address only where an email may go (staff, or a client who allowed it): reading
                 -- users through its policy costs a pass over the clinic's memberships per claim.
                 case when n.kind in ('alert_new', 'alert_overdue') or n.email_allowed then (select u.email from users u where u.id = n.recipient_id) end as email,
                 n.email_allowed as "emailAllowed",
                 (select coalesce(json_agg(json_build_object('id', s.id, 'endpoint', s.endpoint, 'p256dh', s.p256dh, 'auth', s.auth)), '[]'::json)
                    from push_subscriptions s where s.client_id = n.recipient_id and n.kind in ('checkin', 'measure', 'nudge', 'activation')) as subscriptions
            from claimed n`,
    ),
  );
}

/** Keeps this worker's claims from lapsing while their sends and records are under way. */
async function renewClaims(clinicId: string, held: readonly Claimed[]): Promise<void> {
  const claims = JSON.stringify(held.map((n) => ({ id: n.id, attempts: n.attempts })));
  await withClinicWorker(clinicId, (tx) =>
    tx.execute(sql`update notifications n set claimed_at = clock_timestamp()
                     from json_to_recordset(${claims}::json) as c(id uuid, attempts smallint)
                    where n.id = c.id and n.attempts = c.attempts and n.status = 'sending'`),
  );
}

type Outcome = {
  status: 'accepted' | 'failed';
  channel: NotificationChannel | null;
  pushError: string | null;
  failureReason: string | null;
};
type Finished = Outcome & { id: string; attempts: number; acceptedAt: Date | null };

/** One Message-ID per notification, the same on every attempt, so a resent copy can be recognised. */
const messageIdOf = (n: Claimed) => `<${n.id}@${new URL(publicOrigin).hostname}>`;

async function deliverToClient(clinicId: string, n: Claimed): Promise<Outcome> {
  const { subscriptions } = n;
  const kind = n.kind as ClientNotificationKind;
  const link = `${publicOrigin}/api/reminders/${n.id}/open`;
  let pushError: string | null = null;
  const vapid = getSecrets().vapid;
  if (subscriptions.length > 0 && vapid) {
    const message = clientMessage(kind, n.id);
    const outcomes = await Promise.all(
      subscriptions.map((s) =>
        sendPush(s, { title: message.title, body: message.body, url: link, tag: n.id }, vapid, n.id.replaceAll('-', '').slice(0, 32)).then(
          (o) => ({ s, o }),
        ),
      ),
    );
    const gone = outcomes.filter(({ o }) => o.result === 'gone').map(({ s }) => s.id);
    if (gone.length > 0) {
      await withClinicWorker(clinicId, async (tx) => {
        await tx.delete(schema.pushSubscriptions).where(inArray(schema.pushSubscriptions.id, gone));
        await tx.update(schema.reminderSettings).set({ pushLostAt: new Date() }).where(eq(schema.reminderSettings.clientId, n.recipientId));
      });
    }
    if (outcomes.some(({ o }) => o.result === 'accepted'))
      return { status: 'accepted', channel: 'push', pushError: null, failureReason: null };
    const first = outcomes[0]?.o;
    pushError =
      first?.result === 'gone' ? `subscription gone (${first.status})` : first?.result === 'failed' ? first.reason : 'push failed';
  }
  if (n.emailAllowed && n.email) {
    const mail = clientReminderEmail(kind, n.id, link, `${publicOrigin}/settings`);
    try {
      const via = await sendMail({ to: n.email, ...mail, messageId: messageIdOf(n) });
      if (via !== 'none') return { status: 'accepted', channel: 'email', pushError, failureReason: null };
    } catch (error) {
      return { status: 'accepted', channel: 'in_app', pushError, failureReason: `email failed (${(error as Error).name})` };
    }
  }
  // The banner on the client's next visit always works.
  return { status: 'accepted', channel: 'in_app', pushError, failureReason: null };
}

async function deliverToStaff(n: Claimed): Promise<Outcome> {
  if (!n.email) return { status: 'failed', channel: 'email', pushError: null, failureReason: 'recipient not found' };
  try {
    const via = await sendMail({
      to: n.email,
      ...staffAlertEmail(n.kind as 'alert_new' | 'alert_overdue', `${publicOrigin}/sign-in`),
      messageId: messageIdOf(n),
    });
    if (via === 'none')
      return { status: 'failed', channel: 'email', pushError: null, failureReason: 'no mail server is set up (SMTP_HOST)' };
    return { status: 'accepted', channel: 'email', pushError: null, failureReason: null };
  } catch (error) {
    return { status: 'failed', channel: 'email', pushError: null, failureReason: `mail server refused (${(error as Error).name})` };
  }
}

async function deliver(clinicId: string, n: Claimed): Promise<Finished> {
  const outcome: Outcome =
    n.attempts > MAX_ATTEMPTS
      ? { status: 'failed', channel: null, pushError: null, failureReason: 'gave up after repeated interruptions' }
      : n.kind === 'alert_new' || n.kind === 'alert_overdue'
        ? await deliverToStaff(n)
        : await deliverToClient(clinicId, n);
  return { ...outcome, id: n.id, attempts: n.attempts, acceptedAt: outcome.status === 'accepted' ? new Date() : null };
}

/** Records finished sends in one statement; a row changes only while this worker's claim (same attempt) holds it. */
async function recordOutcomes(clinicId: string, finished: readonly Finished[]): Promise<void> {
  const rows = JSON.stringify(
    finished.map((f) => ({
      id: f.id,
      attempts: f.attempts,
      status: f.status,
      channel: f.channel,
      push_error: f.pushError,
      failure_reason: f.failureReason,
      accepted_at: f.acceptedAt,
    })),
  );
  // The sends have happened: losing their record to a passing database error would have them
  // sent again once the claim lapses, so recording is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      await withClinicWorker(clinicId, async (tx) => {
        // The commit need not wait for the disk: a worker that dies afterwards loses nothing (the
        // server has the record); only a database crash could lose the last moments' records,
        // and those sends are then retried as after any crash.
        await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
        await tx.execute(sql`update notifications n
                          set status = o.status, channel = o.channel, push_error = o.push_error, failure_reason = o.failure_reason, accepted_at = o.accepted_at
                         from json_to_recordset(${rows}::json) as o(id uuid, attempts smallint, status notification_status, channel notification_channel,
                                                                     push_error text, failure_reason text, accepted_at timestamptz)
                        where n.id = o.id and n.attempts = o.attempts and n.status = 'sending'`);
      });
      return;
    } catch (error) {
      if (attempt >= RECORD_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * Writes outcomes as sends finish: whatever finished while one write ran goes into the next, so
 * each record trails its send by about one statement (a worker killed in between resends only
 * that little) without a transaction per notification.
 */
function outcomeWriter(clinicId: string) {
  let waiting: Finished[] = [];
  let writing: Promise<void> | null = null;
  let failure: unknown = null;
  const write = async () => {
    while (waiting.length > 0) {
      const rows = waiting;
      waiting = [];
      await recordOutcomes(clinicId, rows);
    }
  };
  const start = () => {
    writing ??= write()
      .catch((error: unknown) => {
        failure = error;
      })
      .finally(() => {
        writing = null;
      });
  };
  return {
    add(finished: Finished) {
      waiting.push(finished);
      start();
    },
    async drain() {
      while (writing) await writing;
      if (failure) throw failure;
    },
  };
}

/**
 * Sends everything due in a clinic: SEND_LANES loops each claim a batch, send it all at once and
 * record the outcomes as they come, renewing their claims meanwhile. Several workers running this
 * at once share the rows (SKIP LOCKED) and never send one twice. Returns how many were sent.
 */
export async function sendDueNotifications({ clinicId, now }: { clinicId: string; now: Date }): Promise<number> {
  const writer = outcomeWriter(clinicId);
  let sent = 0;
  const lane = async () => {
    for (;;) {
      const batch = await claimDue(clinicId, now, SEND_BATCH);
      if (batch.length === 0) return;
      const renewal = setInterval(
        () =>
          void renewClaims(clinicId, batch).catch((error: unknown) =>
            console.error('[outreach] could not renew claims:', (error as Error).message),
          ),
        LEASE_RENEW_MS,
      );
      try {
        // Each message is encrypted and signed before it goes out (milliseconds of CPU): yielding
        // between them lets the answers of sends already out be recorded meanwhile, so a send is
        // never left long unrecorded (what a worker killed at that moment would send again).
        const sends: Promise<void>[] = [];
        for (const n of batch) {
          sends.push(deliver(clinicId, n).then((finished) => writer.add(finished)));
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(sends);
        await writer.drain();
      } finally {
        clearInterval(renewal);
      }
      sent += batch.length;
    }
  };
  await Promise.all(Array.from({ length: SEND_LANES }, lane));
  return sent;
}

/** Clinics with notifications to send by `now` (due, or held by a sender whose claim lapsed). */
async function clinicsWithSends(now: Date): Promise<string[]> {
  const rows = await withWorkerOutsideClinics((tx) =>
    queryRows<{ clinicId: string }>(tx, sql`select clinic_id as "clinicId" from outreach_clinics_to_send(${now}, ${CLAIM_LEASE_SECONDS})`),
  );
  return rows.map((r) => r.clinicId);
}

/** Sends whatever is due now in every clinic (each worker process polls this). Returns how many. */
export async function sendAllDue({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  let sent = 0;
  for (const clinicId of await clinicsWithSends(now)) sent += await sendDueNotifications({ clinicId, now });
  return sent;
}

/** The dispatcher's progress: the last minute whose reminders were recorded. */
export async function readLastMinuteDone(): Promise<Date | null> {
  const [row] = await withWorkerOutsideClinics((tx) => tx.select({ last: schema.outreachState.lastMinuteDone }).from(schema.outreachState));
  return row?.last ?? null;
}

/** Moves the progress mark forward only (a slower worker never moves it back). */
export async function markMinuteDone(minute: Date): Promise<void> {
  await withWorkerOutsideClinics((tx) =>
    tx.execute(sql`update outreach_state set last_minute_done = ${minute} where last_minute_done is null or last_minute_done < ${minute}`),
  );
}

export type MinuteSummary = { minute: string; recorded: number; escalations: number };

/**
 * Records one minute of outreach for every clinic: the reminders due in it and the escalations
 * due by `now`, each under its unique key. The senders (`sendAllDue`, polled by every worker)
 * then send them. Safe to run twice, or on two workers at once.
 */
export async function recordMinute({ at, now = at }: { at: Date; now?: Date }): Promise<MinuteSummary> {
  const minute = minuteStart(at);
  const summary: MinuteSummary = { minute: minute.toISOString(), recorded: 0, escalations: 0 };
  for (const { clinicId } of await listOutreachClinics()) {
    summary.recorded += await recordDueReminders({ clinicId, at: minute });
    summary.escalations += await recordEscalations({ clinicId, now });
  }
  await markMinuteDone(minute);
  return summary;
}
