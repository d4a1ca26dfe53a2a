import { sql } from 'drizzle-orm';
import { check, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinicId, id } from './columns';
import { consentScopeEnum } from './enums';
import { users } from './tenancy';

// A grant is never edited: a change is a new row, so the client sees the whole history.
// Only revoked_at may be set, once (enforced by a trigger in the row-level security migration).
export const consentGrants = pgTable(
  'consent_grants',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: consentScopeEnum('scope').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('consent_grants_lookup').on(t.clientId, t.therapistId, t.scope),
    // A therapist's live grants, read by the consent policies' helper (migration 0021).
    index('consent_grants_therapist_live')
      .on(t.therapistId, t.scope)
      .where(sql`${t.revokedAt} is null`),
    check('consent_grants_not_self', sql`${t.clientId} <> ${t.therapistId}`),
    check('consent_grants_expiry_after_grant', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.grantedAt}`),
    check('consent_grants_revoked_after_grant', sql`${t.revokedAt} is null or ${t.revokedAt} >= ${t.grantedAt}`),
  ],
);

export type ConsentGrant = typeof consentGrants.$inferSelect;
