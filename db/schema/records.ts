import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, createdAt, id, updatedAt } from './columns';
import { noteStatusEnum, noteTemplateEnum } from './enums';
import { insights } from './signals';
import { measureResponses } from './capture';
import { users } from './tenancy';

const clientId = () =>
  uuid('client_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

// Note bodies (sections and any embedded brief) are AES-256-GCM ciphertext.
// A signed note is immutable (trigger in the row-level security migration); changes are addenda.
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: id(),
    clinicId: clinicId(),
    // Signed notes are the clinic's record and outlive a client's account deletion.
    clientId: uuid('client_id').references(() => users.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    sessionDate: date('session_date').notNull(),
    template: noteTemplateEnum('template').notNull(),
    bodyCiphertext: text('body_ciphertext').notNull(),
    status: noteStatusEnum('status').notNull().default('draft'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('session_notes_client_date').on(t.clientId, t.sessionDate),
    check('session_notes_signed_consistent', sql`(${t.status} = 'signed') = (${t.signedAt} is not null)`),
  ],
);

export const sessionNoteAddenda = pgTable('session_note_addenda', {
  id: id(),
  clinicId: clinicId(),
  noteId: uuid('note_id')
    .notNull()
    .references(() => sessionNotes.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  bodyCiphertext: text('body_ciphertext').notNull(),
  createdAt: createdAt(),
});

// Psychotherapy notes: visible to their author only, kept apart from the record.
export const privateNotes = pgTable(
  'private_notes',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionNoteId: uuid('session_note_id').references(() => sessionNotes.id, { onDelete: 'set null' }),
    bodyCiphertext: text('body_ciphertext').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('private_notes_author_client').on(t.authorId, t.clientId)],
);

export const carePlans = pgTable(
  'care_plans',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    currentVersion: integer('current_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('care_plans_client_unique').on(t.clientId), check('care_plans_version_nonnegative', sql`${t.currentVersion} >= 0`)],
);

// Every save is a new version: who changed what, when. `content` holds problems, goals
// (measurable, with target dates) and interventions.
export const carePlanVersions = pgTable(
  'care_plan_versions',
  {
    id: id(),
    clinicId: clinicId(),
    carePlanId: uuid('care_plan_id')
      .notNull()
      .references(() => carePlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    content: jsonb('content').notNull(),
    reviewDate: date('review_date'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('care_plan_versions_plan_version_unique').on(t.carePlanId, t.version),
    check('care_plan_versions_version_positive', sql`${t.version} >= 1`),
  ],
);

// Links a care-plan item to the insight or measure it cites, so each side can show the other.
export const carePlanEvidence = pgTable(
  'care_plan_evidence',
  {
    id: id(),
    clinicId: clinicId(),
    carePlanVersionId: uuid('care_plan_version_id')
      .notNull()
      .references(() => carePlanVersions.id, { onDelete: 'cascade' }),
    itemRef: text('item_ref').notNull(),
    insightId: uuid('insight_id').references(() => insights.id, { onDelete: 'set null' }),
    measureResponseId: uuid('measure_response_id').references(() => measureResponses.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('care_plan_evidence_insight').on(t.insightId),
    check('care_plan_evidence_one_source', sql`num_nonnulls(${t.insightId}, ${t.measureResponseId}) <= 1`),
  ],
);

export type SessionNote = typeof sessionNotes.$inferSelect;
export type SessionNoteAddendum = typeof sessionNoteAddenda.$inferSelect;
export type PrivateNote = typeof privateNotes.$inferSelect;
export type CarePlan = typeof carePlans.$inferSelect;
export type CarePlanVersion = typeof carePlanVersions.$inferSelect;
export type CarePlanEvidence = typeof carePlanEvidence.$inferSelect;
