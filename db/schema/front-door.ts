import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinicId, id } from './columns';
import { clinics, users } from './tenancy';

// One row per sign-in: the session token carries its id, and each request checks that it is not
// revoked, not older than 12 hours and, for staff, not idle past the clinic's limit.
export const userSessions = pgTable(
  'user_sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clinicId: clinicId(),
    device: text('device').notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('user_sessions_user').on(t.userId, t.createdAt),
    check('user_sessions_device_length', sql`length(${t.device}) <= 300`),
    check('user_sessions_source_length', sql`length(${t.source}) <= 100`),
  ],
);

export const signInFailureReasons = ['unknown_account', 'wrong_password', 'deactivated', 'wrong_code', 'throttled'] as const;
export type SignInFailureReason = (typeof signInFailureReasons)[number];

// Written only by the auth_record_sign_in_failure() definer function; never a password, never an
// email that matches no account.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: id(),
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    reason: text('reason', { enum: signInFailureReasons }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_failures_clinic').on(t.clinicId, t.occurredAt),
    check('sign_in_failures_source_length', sql`length(${t.source}) <= 100`),
  ],
);

// rate-limiter-flexible's Drizzle store (RateLimiterDrizzle): key, points, expire. Keys are HMACs.
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});

export type UserSession = typeof userSessions.$inferSelect;
