import { pgEnum } from 'drizzle-orm/pg-core';
import { RISK_CATEGORIES } from '../../lib/clinical/risk-categories';

export const roleEnum = pgEnum('role', ['client', 'therapist', 'admin']);
export const consentScopeEnum = pgEnum('consent_scope', ['checkins', 'journal', 'measures', 'companion']);
export const instrumentEnum = pgEnum('instrument', ['phq9', 'gad7']);
export const checkInSourceEnum = pgEnum('check_in_source', ['app', 'daylio_import', 'tandem_import', 'imoodjournal_import', 'csv_import']);
export const severityEnum = pgEnum('severity', ['info', 'attention', 'urgent']);
export const directionEnum = pgEnum('direction', ['worsening', 'improving', 'neutral']);
export const insightScopeEnum = pgEnum('insight_scope', ['checkins', 'measures', 'risk']);
export const insightStatusEnum = pgEnum('insight_status', ['open', 'closed']);
export const reviewStateEnum = pgEnum('review_state', ['new', 'accepted', 'dismissed', 'snoozed']);
export const alertKindEnum = pgEnum('alert_kind', ['item9', 'crisis_language']);
// Where an alert came from: a PHQ-9 answer, or risk language in a journal entry, a check-in note
// or a message to the companion.
export const alertSourceEnum = pgEnum('alert_source', ['measure', 'journal', 'check_in_note', 'companion']);
// What the risk-language screen found (lib/clinical/risk-language); the words are never stored.
export const riskCategoryEnum = pgEnum('risk_category', [...RISK_CATEGORIES]);
export const ackActionEnum = pgEnum('ack_action', ['contacted_client', 'safety_plan_reviewed', 'session_brought_forward', 'other']);
export const noteTemplateEnum = pgEnum('note_template', ['soap', 'dap']);
export const noteStatusEnum = pgEnum('note_status', ['draft', 'signed']);
export const auditOutcomeEnum = pgEnum('audit_outcome', ['allowed', 'denied', 'failed']);
