import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, createdAt, id, updatedAt } from './columns';
import { riskCategoryEnum } from './enums';
import { users } from './tenancy';

// The companion (docs/design.md §10). Everything a client says to it, everything it answers, its state
// (which holds the client's words mid-flow) and the summaries it saves are AES-256-GCM ciphertext
// (lib/crypto), bound to the clinic and client as the journal is.
const clientId = () =>
  uuid('client_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const companionConversations = pgTable(
  'companion_conversations',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    stateCiphertext: text('state_ciphertext').notNull(),
    turns: smallint('turns').notNull().default(0),
    inCrisis: boolean('in_crisis').notNull().default(false),
    // The raw transcript reaches the therapist only when the client shares it explicitly, and
    // only while the companion scope is shared.
    transcriptSharedAt: timestamp('transcript_shared_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('companion_conversations_client').on(t.clientId, t.updatedAt),
    check('companion_conversations_state_present', sql`length(${t.stateCiphertext}) > 0`),
    check('companion_conversations_turns_range', sql`${t.turns} between 0 and 500`),
  ],
);

export const companionMessages = pgTable(
  'companion_messages',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => companionConversations.id, { onDelete: 'cascade' }),
    turn: smallint('turn').notNull(),
    author: text('author', { enum: ['client', 'companion'] }).notNull(),
    kind: text('kind', {
      enum: ['message', 'reflection', 'grounding', 'breathing', 'thought_record', 'activation', 'crisis', 'other'],
    }).notNull(),
    ciphertext: text('ciphertext').notNull(),
    riskCategory: riskCategoryEnum('risk_category'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('companion_messages_turn_unique').on(t.conversationId, t.turn, t.author),
    check('companion_messages_author', sql`${t.author} in ('client', 'companion')`),
    check('companion_messages_ciphertext_present', sql`length(${t.ciphertext}) > 0`),
  ],
);

export const companionItems = pgTable(
  'companion_items',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    conversationId: uuid('conversation_id').references(() => companionConversations.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['thought_record', 'session_note'] }).notNull(),
    ciphertext: text('ciphertext').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('companion_items_client_created').on(t.clientId, t.createdAt),
    check('companion_items_kind', sql`${t.kind} in ('thought_record', 'session_note')`),
    check('companion_items_ciphertext_present', sql`length(${t.ciphertext}) > 0`),
  ],
);

// A one-off reminder for a behavioural-activation step, asked for by the client (0015): the thing
// they chose is ciphertext; when is the instant plus the wall-clock time and zone it was set in.
// The worker reads when and for whom only (a column grant), never the ciphertext.
export const companionReminders = pgTable(
  'companion_reminders',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => companionConversations.id, { onDelete: 'cascade' }),
    offerTurn: smallint('offer_turn').notNull(),
    ciphertext: text('ciphertext').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    localDate: date('local_date').notNull(),
    localTime: text('local_time').notNull(),
    timeZone: text('time_zone').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('companion_reminders_offer_unique').on(t.conversationId, t.offerTurn),
    index('companion_reminders_client_due').on(t.clientId, t.dueAt),
    check('companion_reminders_ciphertext_present', sql`length(${t.ciphertext}) > 0`),
  ],
);

export type CompanionConversation = typeof companionConversations.$inferSelect;
export type CompanionMessage = typeof companionMessages.$inferSelect;
export type CompanionItem = typeof companionItems.$inferSelect;
export type CompanionReminder = typeof companionReminders.$inferSelect;
