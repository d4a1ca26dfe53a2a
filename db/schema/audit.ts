import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, id } from './columns';
import { auditOutcomeEnum, roleEnum } from './enums';

// Append-only and hash-chained per clinic: a trigger fills seq, prev_hash and hash, and the app
// role may only insert and select. Never holds clinical content, only who did what to which kind.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    clinicId: clinicId(),
    // seq, prev_hash and hash are set by the audit chain trigger; the defaults only satisfy the types.
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    actorId: uuid('actor_id'),
    actorRole: roleEnum('actor_role'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    subjectClientId: uuid('subject_client_id'),
    outcome: auditOutcomeEnum('outcome').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    uniqueIndex('audit_events_clinic_seq_unique').on(t.clinicId, t.seq),
    index('audit_events_subject_client').on(t.clinicId, t.subjectClientId, t.occurredAt),
    index('audit_events_actor').on(t.clinicId, t.actorId, t.occurredAt),
    check('audit_events_action_format', sql`${t.action} ~ '^[a-z_]+\\.[a-z_]+$'`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

// Signed checkpoints of a clinic's audit chain (migration 0012): the head's seq and hash at a
// moment, with an HMAC by the server's TANDEM_AUDIT_KEY. Written only through
// record_audit_checkpoint(), which checks the head is in the chain.
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: id(),
    clinicId: clinicId(),
    headSeq: bigint('head_seq', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [index('audit_checkpoints_clinic_seq').on(t.clinicId, t.headSeq)],
);

export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;
