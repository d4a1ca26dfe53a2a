import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, createdAt, id, updatedAt } from './columns';
import {
  ackActionEnum,
  alertKindEnum,
  alertSourceEnum,
  directionEnum,
  insightScopeEnum,
  insightStatusEnum,
  reviewStateEnum,
  riskCategoryEnum,
  severityEnum,
} from './enums';
import { users } from './tenancy';

const clientId = () =>
  uuid('client_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

// One row per (client, stable key): recomputing updates it, a resolved pattern closes it.
// `scope` names the consent a therapist needs to see it ('risk' always reaches the assigned therapist).
export const insights = pgTable(
  'insights',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    scope: insightScopeEnum('scope').notNull(),
    severity: severityEnum('severity').notNull(),
    direction: directionEnum('direction').notNull(),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    summary: text('summary').notNull(),
    evidence: jsonb('evidence').notNull(),
    engineVersion: text('engine_version').notNull(),
    status: insightStatusEnum('status').notNull().default('open'),
    reviewState: reviewStateEnum('review_state').notNull().default('new'),
    snoozedUntil: date('snoozed_until'),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('insights_client_key_unique').on(t.clientId, t.key),
    index('insights_clinic_open').on(t.clinicId, t.status),
    index('insights_client_open_new')
      .on(t.clientId)
      .where(sql`${t.status} = 'open' and ${t.reviewState} = 'new'`),
    check('insights_window_order', sql`${t.windowEnd} >= ${t.windowStart}`),
    check('insights_closed_consistent', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check('insights_snooze_consistent', sql`(${t.reviewState} = 'snoozed') = (${t.snoozedUntil} is not null)`),
  ],
);

// Every review is kept: the history the therapist sees and the dismissals that tune sensitivity.
export const insightReviews = pgTable(
  'insight_reviews',
  {
    id: id(),
    clinicId: clinicId(),
    insightId: uuid('insight_id')
      .notNull()
      .references(() => insights.id, { onDelete: 'cascade' }),
    clientId: clientId(),
    kind: text('kind').notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    action: reviewStateEnum('action').notNull(),
    reason: text('reason'),
    snoozedUntil: date('snoozed_until'),
    createdAt: createdAt(),
  },
  (t) => [
    index('insight_reviews_client_kind').on(t.clientId, t.kind),
    check('insight_reviews_not_new', sql`${t.action} <> 'new'`),
    check('insight_reviews_dismiss_has_reason', sql`${t.action} <> 'dismissed' or length(trim(${t.reason})) > 0`),
    check('insight_reviews_snooze_has_date', sql`(${t.action} = 'snoozed') = (${t.snoozedUntil} is not null)`),
    check('insight_reviews_reason_length', sql`${t.reason} is null or length(${t.reason}) <= 1000`),
  ],
);

// Urgent alerts carry the fact and the answer, never journal text.
export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    clinicId: clinicId(),
    clientId: clientId(),
    therapistId: uuid('therapist_id').references(() => users.id, { onDelete: 'set null' }),
    kind: alertKindEnum('kind').notNull(),
    source: alertSourceEnum('source').notNull(),
    sourceId: uuid('source_id').notNull(),
    riskCategory: riskCategoryEnum('risk_category'),
    answer: smallint('answer'),
    createdAt: createdAt(),
  },
  (t) => [
    index('alerts_therapist_created').on(t.therapistId, t.createdAt),
    index('alerts_clinic_created').on(t.clinicId, t.createdAt),
    check('alerts_item9_answer', sql`(${t.kind} = 'item9') = (${t.answer} is not null)`),
    check('alerts_answer_range', sql`${t.answer} is null or ${t.answer} between 1 and 3`),
    check('alerts_source_matches_kind', sql`(${t.kind} = 'item9') = (${t.source} = 'measure')`),
  ],
);

export const alertAcknowledgements = pgTable(
  'alert_acknowledgements',
  {
    id: id(),
    clinicId: clinicId(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    action: ackActionEnum('action').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('alert_acknowledgements_alert_unique').on(t.alertId),
    check('alert_acknowledgements_other_has_note', sql`${t.action} <> 'other' or length(trim(${t.note})) > 0`),
    check('alert_acknowledgements_note_length', sql`${t.note} is null or length(${t.note}) <= 2000`),
  ],
);

export type Insight = typeof insights.$inferSelect;
export type InsightReview = typeof insightReviews.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type AlertAcknowledgement = typeof alertAcknowledgements.$inferSelect;
