CREATE TYPE "public"."ack_action" AS ENUM('contacted_client', 'safety_plan_reviewed', 'session_brought_forward', 'other');--> statement-breakpoint
CREATE TYPE "public"."alert_kind" AS ENUM('item9', 'crisis_language');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('allowed', 'denied', 'failed');--> statement-breakpoint
CREATE TYPE "public"."check_in_source" AS ENUM('app', 'daylio_import', 'tandem_import');--> statement-breakpoint
CREATE TYPE "public"."consent_scope" AS ENUM('checkins', 'journal', 'measures');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('worsening', 'improving', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."insight_scope" AS ENUM('checkins', 'journal', 'measures', 'risk');--> statement-breakpoint
CREATE TYPE "public"."insight_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."instrument" AS ENUM('phq9', 'gad7');--> statement-breakpoint
CREATE TYPE "public"."note_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TYPE "public"."note_template" AS ENUM('soap', 'dap');--> statement-breakpoint
CREATE TYPE "public"."review_state" AS ENUM('new', 'accepted', 'dismissed', 'snoozed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('client', 'therapist', 'admin');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('info', 'attention', 'urgent');--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"assigned_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "assignments_not_self" CHECK ("assignments"."client_id" <> "assignments"."therapist_id"),
	CONSTRAINT "assignments_end_after_start" CHECK ("assignments"."ended_at" is null or "assignments"."ended_at" >= "assignments"."started_at")
);
--> statement-breakpoint
CREATE TABLE "clinics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"crisis_resources" text DEFAULT 'If you are in danger or thinking about ending your life, call your local emergency number now. You can also contact your clinic or go to the nearest emergency department.' NOT NULL,
	"measure_cadence_days" smallint DEFAULT 14 NOT NULL,
	"escalation_hours" smallint DEFAULT 24 NOT NULL,
	"phq9_reliable_change" smallint DEFAULT 6 NOT NULL,
	"gad7_reliable_change" smallint DEFAULT 4 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinics_name_present" CHECK (length(trim("clinics"."name")) between 1 and 200),
	CONSTRAINT "clinics_cadence_range" CHECK ("clinics"."measure_cadence_days" between 1 and 365),
	CONSTRAINT "clinics_escalation_range" CHECK ("clinics"."escalation_hours" between 1 and 168),
	CONSTRAINT "clinics_phq9_rc_range" CHECK ("clinics"."phq9_reliable_change" between 1 and 27),
	CONSTRAINT "clinics_gad7_rc_range" CHECK ("clinics"."gad7_reliable_change" between 1 and 21)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "role" NOT NULL,
	"therapist_id" uuid,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_email_normalized" CHECK ("invitations"."email" = lower(trim("invitations"."email")) and "invitations"."email" like '%_@_%'),
	CONSTRAINT "invitations_expiry_after_creation" CHECK ("invitations"."expires_at" > "invitations"."created_at"),
	CONSTRAINT "invitations_therapist_for_clients_only" CHECK ("invitations"."therapist_id" is null or "invitations"."role" = 'client'),
	CONSTRAINT "invitations_not_both_accepted_and_revoked" CHECK ("invitations"."accepted_at" is null or "invitations"."revoked_at" is null)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"caseload_capacity" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_capacity_therapist_only" CHECK ("memberships"."caseload_capacity" is null or ("memberships"."role" = 'therapist' and "memberships"."caseload_capacity" between 0 and 500))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"totp_secret_ciphertext" text,
	"deactivated_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_normalized" CHECK ("users"."email" = lower(trim("users"."email")) and "users"."email" like '%_@_%'),
	CONSTRAINT "users_name_present" CHECK (length(trim("users"."name")) between 1 and 200),
	CONSTRAINT "users_password_hash_argon2id" CHECK ("users"."password_hash" is null or "users"."password_hash" like '$argon2id$%'),
	CONSTRAINT "users_session_version_positive" CHECK ("users"."session_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "consent_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"scope" "consent_scope" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "consent_grants_not_self" CHECK ("consent_grants"."client_id" <> "consent_grants"."therapist_id"),
	CONSTRAINT "consent_grants_expiry_after_grant" CHECK ("consent_grants"."expires_at" is null or "consent_grants"."expires_at" > "consent_grants"."granted_at"),
	CONSTRAINT "consent_grants_revoked_after_grant" CHECK ("consent_grants"."revoked_at" is null or "consent_grants"."revoked_at" >= "consent_grants"."granted_at")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"time_zone" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mood" smallint NOT NULL,
	"anxiety" smallint,
	"energy" smallint,
	"sleep_hours" numeric(3, 1),
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"source" "check_in_source" DEFAULT 'app' NOT NULL,
	"import_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_mood_range" CHECK ("check_ins"."mood" between 1 and 10),
	CONSTRAINT "check_ins_anxiety_range" CHECK ("check_ins"."anxiety" is null or "check_ins"."anxiety" between 1 and 10),
	CONSTRAINT "check_ins_energy_range" CHECK ("check_ins"."energy" is null or "check_ins"."energy" between 1 and 10),
	CONSTRAINT "check_ins_sleep_range" CHECK ("check_ins"."sleep_hours" is null or "check_ins"."sleep_hours" between 0 and 24),
	CONSTRAINT "check_ins_note_length" CHECK ("check_ins"."note" is null or length("check_ins"."note") <= 2000),
	CONSTRAINT "check_ins_tags_count" CHECK (cardinality("check_ins"."tags") <= 40 and array_position("check_ins"."tags", null) is null),
	CONSTRAINT "check_ins_import_key_when_imported" CHECK (("check_ins"."source" = 'app') = ("check_ins"."import_key" is null))
);
--> statement-breakpoint
CREATE TABLE "custom_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_tags_label_length" CHECK (length(trim("custom_tags"."label")) between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"ciphertext" text NOT NULL,
	"key_version" smallint DEFAULT 1 NOT NULL,
	"crisis_language" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_ciphertext_present" CHECK (length("journal_entries"."ciphertext") > 0)
);
--> statement-breakpoint
CREATE TABLE "measure_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"instrument" "instrument" NOT NULL,
	"items" smallint[] NOT NULL,
	"difficulty" smallint,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"local_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_responses_item_count" CHECK (cardinality("measure_responses"."items") = case "measure_responses"."instrument" when 'phq9' then 9 when 'gad7' then 7 end),
	CONSTRAINT "measure_responses_item_range" CHECK (array_position("measure_responses"."items", null) is null and 0 <= all("measure_responses"."items") and 3 >= all("measure_responses"."items")),
	CONSTRAINT "measure_responses_difficulty_range" CHECK ("measure_responses"."difficulty" is null or "measure_responses"."difficulty" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "measure_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"instrument" "instrument" NOT NULL,
	"cadence_days" smallint NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_schedules_cadence_range" CHECK ("measure_schedules"."cadence_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pauses_end_not_before_start" CHECK ("pauses"."ends_on" >= "pauses"."starts_on"),
	CONSTRAINT "pauses_at_most_a_year" CHECK ("pauses"."ends_on" - "pauses"."starts_on" <= 366)
);
--> statement-breakpoint
CREATE TABLE "alert_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"acknowledged_by" uuid,
	"action" "ack_action" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_acknowledgements_other_has_note" CHECK ("alert_acknowledgements"."action" <> 'other' or length(trim("alert_acknowledgements"."note")) > 0),
	CONSTRAINT "alert_acknowledgements_note_length" CHECK ("alert_acknowledgements"."note" is null or length("alert_acknowledgements"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"therapist_id" uuid,
	"kind" "alert_kind" NOT NULL,
	"source_id" uuid NOT NULL,
	"answer" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_item9_answer" CHECK (("alerts"."kind" = 'item9') = ("alerts"."answer" is not null)),
	CONSTRAINT "alerts_answer_range" CHECK ("alerts"."answer" is null or "alerts"."answer" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "insight_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"insight_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reviewer_id" uuid,
	"action" "review_state" NOT NULL,
	"reason" text,
	"snoozed_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_reviews_not_new" CHECK ("insight_reviews"."action" <> 'new'),
	CONSTRAINT "insight_reviews_dismiss_has_reason" CHECK ("insight_reviews"."action" <> 'dismissed' or length(trim("insight_reviews"."reason")) > 0),
	CONSTRAINT "insight_reviews_snooze_has_date" CHECK (("insight_reviews"."action" = 'snoozed') = ("insight_reviews"."snoozed_until" is not null)),
	CONSTRAINT "insight_reviews_reason_length" CHECK ("insight_reviews"."reason" is null or length("insight_reviews"."reason") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "insights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"scope" "insight_scope" NOT NULL,
	"severity" "severity" NOT NULL,
	"direction" "direction" NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"summary" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"engine_version" text NOT NULL,
	"status" "insight_status" DEFAULT 'open' NOT NULL,
	"review_state" "review_state" DEFAULT 'new' NOT NULL,
	"snoozed_until" date,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insights_window_order" CHECK ("insights"."window_end" >= "insights"."window_start"),
	CONSTRAINT "insights_closed_consistent" CHECK (("insights"."status" = 'closed') = ("insights"."closed_at" is not null)),
	CONSTRAINT "insights_snooze_consistent" CHECK (("insights"."review_state" = 'snoozed') = ("insights"."snoozed_until" is not null))
);
--> statement-breakpoint
CREATE TABLE "care_plan_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"care_plan_version_id" uuid NOT NULL,
	"item_ref" text NOT NULL,
	"insight_id" uuid,
	"measure_response_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plan_evidence_one_source" CHECK (num_nonnulls("care_plan_evidence"."insight_id", "care_plan_evidence"."measure_response_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "care_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"care_plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"author_id" uuid,
	"content" jsonb NOT NULL,
	"review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plan_versions_version_positive" CHECK ("care_plan_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plans_version_nonnegative" CHECK ("care_plans"."current_version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "private_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"session_note_id" uuid,
	"body_ciphertext" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"author_id" uuid,
	"body_ciphertext" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid,
	"author_id" uuid,
	"session_date" date NOT NULL,
	"template" "note_template" NOT NULL,
	"body_ciphertext" text NOT NULL,
	"status" "note_status" DEFAULT 'draft' NOT NULL,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_notes_signed_consistent" CHECK (("session_notes"."status" = 'signed') = ("session_notes"."signed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"actor_id" uuid,
	"actor_role" "role",
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"subject_client_id" uuid,
	"outcome" "audit_outcome" NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z_]+\.[a-z_]+$')
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_grants" ADD CONSTRAINT "consent_grants_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_grants" ADD CONSTRAINT "consent_grants_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_grants" ADD CONSTRAINT "consent_grants_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_tags" ADD CONSTRAINT "custom_tags_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_tags" ADD CONSTRAINT "custom_tags_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_responses" ADD CONSTRAINT "measure_responses_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pauses" ADD CONSTRAINT "pauses_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_acknowledgements" ADD CONSTRAINT "alert_acknowledgements_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_reviews" ADD CONSTRAINT "insight_reviews_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_reviews" ADD CONSTRAINT "insight_reviews_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_reviews" ADD CONSTRAINT "insight_reviews_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_reviews" ADD CONSTRAINT "insight_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_evidence" ADD CONSTRAINT "care_plan_evidence_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_evidence" ADD CONSTRAINT "care_plan_evidence_care_plan_version_id_care_plan_versions_id_fk" FOREIGN KEY ("care_plan_version_id") REFERENCES "public"."care_plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_evidence" ADD CONSTRAINT "care_plan_evidence_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_evidence" ADD CONSTRAINT "care_plan_evidence_measure_response_id_measure_responses_id_fk" FOREIGN KEY ("measure_response_id") REFERENCES "public"."measure_responses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_versions" ADD CONSTRAINT "care_plan_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_versions" ADD CONSTRAINT "care_plan_versions_care_plan_id_care_plans_id_fk" FOREIGN KEY ("care_plan_id") REFERENCES "public"."care_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plan_versions" ADD CONSTRAINT "care_plan_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_notes" ADD CONSTRAINT "private_notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_notes" ADD CONSTRAINT "private_notes_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_notes" ADD CONSTRAINT "private_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_notes" ADD CONSTRAINT "private_notes_session_note_id_session_notes_id_fk" FOREIGN KEY ("session_note_id") REFERENCES "public"."session_notes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_note_id_session_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."session_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_note_addenda" ADD CONSTRAINT "session_note_addenda_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_one_active_per_pair" ON "assignments" USING btree ("client_id","therapist_id") WHERE "assignments"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_unique" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_clinic_unique" ON "memberships" USING btree ("user_id","clinic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "consent_grants_lookup" ON "consent_grants" USING btree ("client_id","therapist_id","scope");--> statement-breakpoint
CREATE INDEX "check_ins_client_date" ON "check_ins" USING btree ("client_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_import_key_unique" ON "check_ins" USING btree ("client_id","import_key");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_tags_client_label_unique" ON "custom_tags" USING btree ("client_id","label");--> statement-breakpoint
CREATE INDEX "journal_entries_client_date" ON "journal_entries" USING btree ("client_id","local_date");--> statement-breakpoint
CREATE INDEX "measure_responses_client_completed" ON "measure_responses" USING btree ("client_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_schedules_client_instrument_unique" ON "measure_schedules" USING btree ("client_id","instrument");--> statement-breakpoint
CREATE INDEX "pauses_client" ON "pauses" USING btree ("client_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_acknowledgements_alert_unique" ON "alert_acknowledgements" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "alerts_therapist_created" ON "alerts" USING btree ("therapist_id","created_at");--> statement-breakpoint
CREATE INDEX "alerts_clinic_created" ON "alerts" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "insight_reviews_client_kind" ON "insight_reviews" USING btree ("client_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "insights_client_key_unique" ON "insights" USING btree ("client_id","key");--> statement-breakpoint
CREATE INDEX "insights_clinic_open" ON "insights" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "care_plan_evidence_insight" ON "care_plan_evidence" USING btree ("insight_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plan_versions_plan_version_unique" ON "care_plan_versions" USING btree ("care_plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_client_unique" ON "care_plans" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "private_notes_author_client" ON "private_notes" USING btree ("author_id","client_id");--> statement-breakpoint
CREATE INDEX "session_notes_client_date" ON "session_notes" USING btree ("client_id","session_date");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_clinic_seq_unique" ON "audit_events" USING btree ("clinic_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_subject_client" ON "audit_events" USING btree ("clinic_id","subject_client_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("clinic_id","actor_id","occurred_at");