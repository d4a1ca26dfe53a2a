import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';

// The database's own check of a phone number; lib/validation/phone.ts gives the person's message.
const PHONE_PATTERN_SQL = sql.raw(`'^\\+?[0-9(][0-9 ()./-]{5,29}$'`);

export const clinics = pgTable(
  'clinics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    // Shown to a client at once when they answer PHQ-9 item 9 above 0 or write crisis words.
    crisisResources: text('crisis_resources')
      .notNull()
      .default(
        'If you are in danger or thinking about ending your life, call your local emergency number now. ' +
          'You can also contact your clinic or go to the nearest emergency department.',
      ),
    measureCadenceDays: smallint('measure_cadence_days').notNull().default(14),
    escalationHours: smallint('escalation_hours').notNull().default(24),
    // What the crisis card promises about the therapist's reply, in the clinic's own words.
    crisisResponseTime: text('crisis_response_time').notNull().default('within one working day'),
    // Reliable change: PHQ-9 6 points, GAD-7 4 points (NHS Talking Therapies manual).
    phq9ReliableChange: smallint('phq9_reliable_change').notNull().default(6),
    gad7ReliableChange: smallint('gad7_reliable_change').notNull().default(4),
    // Whether a self-hosted model (COMPANION_LLM_URL) may phrase the companion's reflective replies.
    companionModelAllowed: boolean('companion_model_allowed').notNull().default(false),
    // Staff sign in with a second factor; on for every new clinic (docs/design.md §11).
    requireTwoFactor: boolean('require_two_factor').notNull().default(true),
    // A staff session ends after this many minutes without a request (issue 14: 30 by default).
    staffIdleMinutes: smallint('staff_idle_minutes').notNull().default(30),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('clinics_name_present', sql`length(trim(${t.name})) between 1 and 200`),
    check('clinics_cadence_range', sql`${t.measureCadenceDays} between 1 and 365`),
    check('clinics_escalation_range', sql`${t.escalationHours} between 1 and 168`),
    check('clinics_crisis_response_time_present', sql`length(trim(${t.crisisResponseTime})) between 1 and 200`),
    check('clinics_phq9_rc_range', sql`${t.phq9ReliableChange} between 1 and 27`),
    check('clinics_gad7_rc_range', sql`${t.gad7ReliableChange} between 1 and 21`),
    check('clinics_staff_idle_range', sql`${t.staffIdleMinutes} between 5 and 240`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    timeZone: text('time_zone').notNull().default('UTC'),
    // How the clinic reaches a client in a crisis, beside their email.
    phone: text('phone'),
    // The TOTP seed, AES-GCM encrypted (lib/crypto); set while enrolling, confirmed by totpEnabledAt.
    totpSecretCiphertext: text('totp_secret_ciphertext'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    // The last time step a code was accepted for: a code is never accepted twice.
    totpLastTimeStep: bigint('totp_last_time_step', { mode: 'number' }),
    // argon2id hashes of the unused backup codes; a used code is removed.
    backupCodeHashes: text('backup_code_hashes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    check('users_email_normalized', sql`${t.email} = lower(trim(${t.email})) and ${t.email} like '%_@_%'`),
    check('users_name_present', sql`length(trim(${t.name})) between 1 and 200`),
    check('users_password_hash_argon2id', sql`${t.passwordHash} is null or ${t.passwordHash} like '$argon2id$%'`),
    check('users_session_version_positive', sql`${t.sessionVersion} >= 1`),
    check('users_phone_format', sql`${t.phone} is null or ${t.phone} ~ ${PHONE_PATTERN_SQL}`),
    check('users_totp_enabled_has_secret', sql`${t.totpEnabledAt} is null or ${t.totpSecretCiphertext} is not null`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    caseloadCapacity: smallint('caseload_capacity'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_user_clinic_unique').on(t.userId, t.clinicId),
    // The clinic's staff, read by app_visible_users() when someone looks up a person other than
    // themselves or an assigned client (migration 0022).
    index('memberships_clinic_staff')
      .on(t.clinicId)
      .where(sql`${t.role} in ('therapist', 'admin')`),
    check(
      'memberships_capacity_therapist_only',
      sql`${t.caseloadCapacity} is null or (${t.role} = 'therapist' and ${t.caseloadCapacity} between 0 and 500)`,
    ),
  ],
);

export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assignments_one_active_per_pair')
      .on(t.clientId, t.therapistId)
      .where(sql`${t.endedAt} is null`),
    check('assignments_not_self', sql`${t.clientId} <> ${t.therapistId}`),
    check('assignments_end_after_start', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    therapistId: uuid('therapist_id').references(() => users.id, { onDelete: 'set null' }),
    phone: text('phone'),
    // Only a hash of the single-use token is stored; the link itself is shown once.
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_unique').on(t.tokenHash),
    check('invitations_email_normalized', sql`${t.email} = lower(trim(${t.email})) and ${t.email} like '%_@_%'`),
    check('invitations_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
    check('invitations_phone_format', sql`${t.phone} is null or ${t.phone} ~ ${PHONE_PATTERN_SQL}`),
    check('invitations_therapist_for_clients_only', sql`${t.therapistId} is null or ${t.role} = 'client'`),
    check('invitations_not_both_accepted_and_revoked', sql`${t.acceptedAt} is null or ${t.revokedAt} is null`),
  ],
);

export type Clinic = typeof clinics.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
