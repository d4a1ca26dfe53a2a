import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, createdAt, id } from './columns';
import { users } from './tenancy';

export const notificationKindEnum = pgEnum('notification_kind', [
  'checkin',
  'measure',
  'nudge',
  'activation',
  'alert_new',
  'alert_overdue',
]);
export const notificationChannelEnum = pgEnum('notification_channel', ['push', 'email', 'in_app']);
// pending: due and recorded; sending: a worker has claimed it; accepted: the push service or the
// mail server took it (or the in-app banner holds it); failed: no channel could take it.
export const notificationStatusEnum = pgEnum('notification_status', ['pending', 'sending', 'accepted', 'failed']);

const userRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

// The client's own choices (docs/design.md §9). Times are wall-clock "HH:MM" in the client's time zone
// (users.time_zone); weekdays are ISO (1 = Monday … 7 = Sunday). Checks in 0009_outreach.sql.
export const reminderSettings = pgTable(
  'reminder_settings',
  {
    clientId: userRef('client_id').primaryKey(),
    clinicId: clinicId(),
    checkinEnabled: boolean('checkin_enabled').notNull().default(false),
    checkinTimes: text('checkin_times')
      .array()
      .notNull()
      .default(sql`'{20:00}'::text[]`),
    weekdays: smallint('weekdays')
      .array()
      .notNull()
      .default(sql`'{1,2,3,4,5,6,7}'::smallint[]`),
    quietStart: text('quiet_start'),
    quietEnd: text('quiet_end'),
    measureEnabled: boolean('measure_enabled').notNull().default(false),
    nudgesEnabled: boolean('nudges_enabled').notNull().default(false),
    emailAllowed: boolean('email_allowed').notNull().default(false),
    // The push service reported the client's subscription gone: shown to them until they opt in again.
    pushLostAt: timestamp('push_lost_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A minute's reminders are found by their local times (0016).
  (t) => [index('reminder_settings_times').using('gin', t.checkinTimes)],
);

export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: userRef('client_id'),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint), index('push_subscriptions_client').on(t.clientId)],
);

// One row per thing Tandem sends, whatever became of it. Never holds the words sent.
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    clinicId: clinicId(),
    // Whom it is about (the client), and who receives it (the client, or staff for escalations).
    clientId: userRef('client_id'),
    recipientId: userRef('recipient_id'),
    kind: notificationKindEnum('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    localTime: text('local_time'),
    timeZone: text('time_zone'),
    status: notificationStatusEnum('status').notNull().default('pending'),
    channel: notificationChannelEnum('channel'),
    // Push was tried and failed (then email or in-app took over): the push service's answer.
    pushError: text('push_error'),
    failureReason: text('failure_reason'),
    attempts: smallint('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_unique').on(t.dedupeKey),
    index('notifications_client_created').on(t.clientId, t.createdAt),
    index('notifications_unfinished')
      .on(t.dueAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

export type ReminderSettingsRow = typeof reminderSettings.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

// The dispatcher's progress (one row): the last minute whose reminders were recorded.
export const outreachState = pgTable('outreach_state', {
  id: boolean('id').primaryKey().default(true),
  lastMinuteDone: timestamp('last_minute_done', { withTimezone: true }),
  createdAt: createdAt(),
});
