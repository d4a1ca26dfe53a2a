import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, createdAt, id, updatedAt } from './columns';
import { checkInSourceEnum, instrumentEnum, riskCategoryEnum } from './enums';
import { users } from './tenancy';

const clientId = () =>
  uuid('client_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const checkIns = pgTable(
  'check_ins',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    // The day in the client's own time zone when they checked in, so days stay right across travel.
    localDate: date('local_date').notNull(),
    timeZone: text('time_zone').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    mood: smallint('mood').notNull(),
    anxiety: smallint('anxiety'),
    energy: smallint('energy'),
    sleepHours: numeric('sleep_hours', { precision: 3, scale: 1, mode: 'number' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    // What the risk-language screen found in the note, if anything (never the words themselves).
    riskCategory: riskCategoryEnum('risk_category'),
    source: checkInSourceEnum('source').notNull().default('app'),
    // Identifies an imported row so that importing the same file twice adds nothing.
    importKey: text('import_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('check_ins_client_date').on(t.clientId, t.localDate),
    index('check_ins_client_risk')
      .on(t.clientId)
      .where(sql`${t.riskCategory} is not null`),
    index('check_ins_client_noted')
      .on(t.clientId, t.localDate, t.recordedAt)
      .where(sql`${t.note} is not null or cardinality(${t.tags}) > 0`),
    uniqueIndex('check_ins_import_key_unique').on(t.clientId, t.importKey),
    check('check_ins_mood_range', sql`${t.mood} between 1 and 10`),
    check('check_ins_anxiety_range', sql`${t.anxiety} is null or ${t.anxiety} between 1 and 10`),
    check('check_ins_energy_range', sql`${t.energy} is null or ${t.energy} between 1 and 10`),
    check('check_ins_sleep_range', sql`${t.sleepHours} is null or ${t.sleepHours} between 0 and 24`),
    check('check_ins_note_length', sql`${t.note} is null or length(${t.note}) <= 2000`),
    check('check_ins_tags_count', sql`cardinality(${t.tags}) <= 40 and array_position(${t.tags}, null) is null`),
    check('check_ins_import_key_when_imported', sql`(${t.source} = 'app') = (${t.importKey} is null)`),
  ],
);

export const customTags = pgTable(
  'custom_tags',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('custom_tags_client_label_unique').on(t.clientId, t.label),
    check('custom_tags_label_length', sql`length(trim(${t.label})) between 1 and 40`),
  ],
);

// The mood (1–10) a client chose for each of their tracker's labels at their last import, offered
// again next time (migration 0007). Labels are stored as matched: trimmed and lower-cased.
export const importMoodMappings = pgTable(
  'import_mood_mappings',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    label: text('label').notNull(),
    mood: smallint('mood').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('import_mood_mappings_client_label_unique').on(t.clientId, t.label),
    check('import_mood_mappings_label_length', sql`length(${t.label}) between 1 and 200`),
    check('import_mood_mappings_mood_range', sql`${t.mood} between 1 and 10`),
  ],
);

// Item answers are stored; totals and bands are derived in lib/clinical.
export const measureResponses = pgTable(
  'measure_responses',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    instrument: instrumentEnum('instrument').notNull(),
    items: smallint('items').array().notNull(),
    difficulty: smallint('difficulty'),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
    localDate: date('local_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('measure_responses_client_completed').on(t.clientId, t.completedAt),
    index('measure_responses_client_instrument_completed').on(t.clientId, t.instrument, t.completedAt),
    // PHQ-9 has 9 items, GAD-7 has 7, each answered 0-3 (Kroenke 2001; Spitzer 2006).
    check('measure_responses_item_count', sql`cardinality(${t.items}) = case ${t.instrument} when 'phq9' then 9 when 'gad7' then 7 end`),
    check('measure_responses_item_range', sql`array_position(${t.items}, null) is null and 0 <= all(${t.items}) and 3 >= all(${t.items})`),
    check('measure_responses_difficulty_range', sql`${t.difficulty} is null or ${t.difficulty} between 0 and 3`),
  ],
);

export const measureSchedules = pgTable(
  'measure_schedules',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    instrument: instrumentEnum('instrument').notNull(),
    cadenceDays: smallint('cadence_days').notNull(),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('measure_schedules_client_instrument_unique').on(t.clientId, t.instrument),
    check('measure_schedules_cadence_range', sql`${t.cadenceDays} between 1 and 365`),
  ],
);

// Journal text is AES-256-GCM ciphertext (lib/crypto); the database never holds the words.
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    localDate: date('local_date').notNull(),
    ciphertext: text('ciphertext').notNull(),
    crisisLanguage: boolean('crisis_language').notNull().default(false),
    riskCategory: riskCategoryEnum('risk_category'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('journal_entries_client_date').on(t.clientId, t.localDate),
    check('journal_entries_ciphertext_present', sql`length(${t.ciphertext}) > 0`),
  ],
);

export const pauses = pgTable(
  'pauses',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('pauses_client').on(t.clientId, t.startsOn),
    check('pauses_end_not_before_start', sql`${t.endsOn} >= ${t.startsOn}`),
    check('pauses_at_most_a_year', sql`${t.endsOn} - ${t.startsOn} <= 366`),
  ],
);

export type CheckIn = typeof checkIns.$inferSelect;
export type CustomTag = typeof customTags.$inferSelect;
export type ImportMoodMapping = typeof importMoodMappings.$inferSelect;
export type MeasureResponse = typeof measureResponses.$inferSelect;
export type MeasureSchedule = typeof measureSchedules.$inferSelect;
export type JournalEntry = typeof journalEntries.$inferSelect;
export type Pause = typeof pauses.$inferSelect;
