import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['client', 'therapist', 'admin']);
export const consentScopeEnum = pgEnum('consent_scope', ['checkins', 'journal', 'measures']);
export const instrumentEnum = pgEnum('instrument', ['phq9', 'gad7']);
export const checkInSourceEnum = pgEnum('check_in_source', ['app', 'daylio_import', 'tandem_import']);
export const severityEnum = pgEnum('severity', ['info', 'attention', 'urgent']);
export const directionEnum = pgEnum('direction', ['worsening', 'improving', 'neutral']);
export const insightScopeEnum = pgEnum('insight_scope', ['checkins', 'journal', 'measures', 'risk']);
export const insightStatusEnum = pgEnum('insight_status', ['open', 'closed']);
export const reviewStateEnum = pgEnum('review_state', ['new', 'accepted', 'dismissed', 'snoozed']);
export const alertKindEnum = pgEnum('alert_kind', ['item9', 'crisis_language']);
export const ackActionEnum = pgEnum('ack_action', [
  'contacted_client',
  'safety_plan_reviewed',
  'session_brought_forward',
  'other',
]);
export const noteTemplateEnum = pgEnum('note_template', ['soap', 'dap']);
export const noteStatusEnum = pgEnum('note_status', ['draft', 'signed']);
export const auditOutcomeEnum = pgEnum('audit_outcome', ['allowed', 'denied', 'failed']);
