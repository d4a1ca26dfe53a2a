-- The companion (issue 15, docs/design.md §10): conversations, their messages and the summaries they
-- produce (thought records, notes for the next session), all encrypted like the journal; a new
-- sharing scope `companion` for the summaries; a new alert source for risk words said to it; and
-- the clinic's permission for an optional self-hosted model to phrase reflective replies.
--
-- The new enum values are not used anywhere in this migration: migrations run in one
-- transaction, where PostgreSQL refuses a value added in it. The sharing helper below compares
-- the scope as text for that reason.

ALTER TYPE "consent_scope" ADD VALUE IF NOT EXISTS 'companion';
--> statement-breakpoint
ALTER TYPE "alert_source" ADD VALUE IF NOT EXISTS 'companion';
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "companion_model_allowed" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "companion_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL REFERENCES "public"."clinics"("id") ON DELETE cascade,
	"client_id" uuid NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade,
	"state_ciphertext" text NOT NULL,
	"key_version" smallint DEFAULT 1 NOT NULL,
	"turns" smallint DEFAULT 0 NOT NULL,
	"in_crisis" boolean DEFAULT false NOT NULL,
	"transcript_shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companion_conversations_state_present" CHECK (length("state_ciphertext") > 0),
	CONSTRAINT "companion_conversations_turns_range" CHECK ("turns" between 0 and 500)
);
--> statement-breakpoint
CREATE INDEX "companion_conversations_client" ON "companion_conversations" USING btree ("client_id", "updated_at");
--> statement-breakpoint
CREATE TABLE "companion_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL REFERENCES "public"."clinics"("id") ON DELETE cascade,
	"client_id" uuid NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade,
	"conversation_id" uuid NOT NULL REFERENCES "public"."companion_conversations"("id") ON DELETE cascade,
	"turn" smallint NOT NULL,
	"author" text NOT NULL,
	"kind" text NOT NULL,
	"ciphertext" text NOT NULL,
	"key_version" smallint DEFAULT 1 NOT NULL,
	"risk_category" "risk_category",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companion_messages_author" CHECK ("author" in ('client', 'companion')),
	CONSTRAINT "companion_messages_kind" CHECK ("kind" in ('message', 'reflection', 'grounding', 'breathing', 'thought_record', 'activation', 'crisis', 'other')),
	CONSTRAINT "companion_messages_ciphertext_present" CHECK (length("ciphertext") > 0)
);
--> statement-breakpoint
-- One client message and one reply per turn: a double submit cannot write a turn twice.
CREATE UNIQUE INDEX "companion_messages_turn_unique" ON "companion_messages" USING btree ("conversation_id", "turn", "author");
--> statement-breakpoint
CREATE TABLE "companion_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL REFERENCES "public"."clinics"("id") ON DELETE cascade,
	"client_id" uuid NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade,
	"conversation_id" uuid REFERENCES "public"."companion_conversations"("id") ON DELETE set null,
	"kind" text NOT NULL,
	"ciphertext" text NOT NULL,
	"key_version" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companion_items_kind" CHECK ("kind" in ('thought_record', 'session_note')),
	CONSTRAINT "companion_items_ciphertext_present" CHECK (length("ciphertext") > 0)
);
--> statement-breakpoint
CREATE INDEX "companion_items_client_created" ON "companion_items" USING btree ("client_id", "created_at");
--> statement-breakpoint
-- The clients who share the companion's summaries with the calling therapist now; as
-- app_consented_clients (0004), with the scope compared as text (see the top of this file).
CREATE OR REPLACE FUNCTION app_companion_sharers() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT g.client_id), '{}')
      FROM consent_grants g
     WHERE g.therapist_id = app_user_id()
       AND g.clinic_id = app_clinic_id()
       AND g.scope::text = 'companion'
       AND g.revoked_at IS NULL
       AND (g.expires_at IS NULL OR g.expires_at > now())
       AND g.client_id = ANY ((SELECT app_assigned_clients())::uuid[])
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_companion_sharers() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_companion_sharers() TO tandem_app;
--> statement-breakpoint
ALTER TABLE "companion_conversations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companion_conversations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companion_messages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companion_messages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companion_items" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companion_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "companion_conversations", "companion_messages", "companion_items" TO tandem_app;
--> statement-breakpoint
-- As every client-owned table: same clinic and an active member, always; then the client's own
-- rows, and the assigned therapist's reads while the client shares the companion with them.
CREATE POLICY same_clinic ON companion_conversations AS RESTRICTIVE TO tandem_app
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY active_member ON companion_conversations AS RESTRICTIVE TO tandem_app
  USING ((SELECT app_role()) IS NOT NULL) WITH CHECK ((SELECT app_role()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY own_all ON companion_conversations FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY consented_read ON companion_conversations FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_companion_sharers())::uuid[]) AND transcript_shared_at IS NOT NULL);
--> statement-breakpoint
CREATE POLICY same_clinic ON companion_messages AS RESTRICTIVE TO tandem_app
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY active_member ON companion_messages AS RESTRICTIVE TO tandem_app
  USING ((SELECT app_role()) IS NOT NULL) WITH CHECK ((SELECT app_role()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY own_all ON companion_messages FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
-- The raw transcript only of a conversation the client shared explicitly (the conversations
-- policy above already requires the companion scope).
CREATE POLICY consented_read ON companion_messages FOR SELECT TO tandem_app
  USING (conversation_id IN (SELECT c.id FROM companion_conversations c WHERE c.transcript_shared_at IS NOT NULL));
--> statement-breakpoint
CREATE POLICY same_clinic ON companion_items AS RESTRICTIVE TO tandem_app
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY active_member ON companion_items AS RESTRICTIVE TO tandem_app
  USING ((SELECT app_role()) IS NOT NULL) WITH CHECK ((SELECT app_role()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY own_all ON companion_items FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY consented_read ON companion_items FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_companion_sharers())::uuid[]));
