-- The companion's optional reminder for a behavioural-activation step (issue 15, docs/design.md
-- §9–10): a one-off reminder the client asks for after picking one small thing to do. The plan
-- (which thing, encrypted as every companion text is) lives here with the client; when its minute
-- comes, the dispatcher records it in `notifications` as kind 'activation' and sends it through
-- the same channels as every reminder, with no words of the plan.
--
-- The new enum value is not used anywhere in this migration: migrations run in one transaction,
-- where PostgreSQL refuses a value added in it.

ALTER TYPE "notification_kind" ADD VALUE IF NOT EXISTS 'activation';
--> statement-breakpoint
CREATE TABLE "companion_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL REFERENCES "public"."clinics"("id") ON DELETE cascade,
	"client_id" uuid NOT NULL REFERENCES "public"."users"("id") ON DELETE cascade,
	"conversation_id" uuid NOT NULL REFERENCES "public"."companion_conversations"("id") ON DELETE cascade,
	"offer_turn" smallint NOT NULL,
	"ciphertext" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"local_date" date NOT NULL,
	"local_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companion_reminders_ciphertext_present" CHECK (length("ciphertext") > 0),
	CONSTRAINT "companion_reminders_local_time" CHECK ("local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "companion_reminders_time_zone" CHECK (length("time_zone") between 1 and 64)
);
--> statement-breakpoint
-- One reminder per offer: a double submit, or two tabs, cannot plan it twice.
CREATE UNIQUE INDEX "companion_reminders_offer_unique" ON "companion_reminders" USING btree ("conversation_id", "offer_turn");
--> statement-breakpoint
CREATE INDEX "companion_reminders_client_due" ON "companion_reminders" USING btree ("client_id", "due_at");
--> statement-breakpoint
CREATE INDEX "companion_reminders_planned" ON "companion_reminders" USING btree ("due_at") WHERE "cancelled_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "companion_reminders" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "companion_reminders" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The client plans and cancels their own; nobody else in the app reads them: not the therapist,
-- even while the companion scope is shared (the plan is the client's, like an unsaved draft),
-- and not the admin.
GRANT SELECT, INSERT ON "companion_reminders" TO tandem_app;
--> statement-breakpoint
GRANT UPDATE ("cancelled_at") ON "companion_reminders" TO tandem_app;
--> statement-breakpoint
CREATE POLICY same_clinic ON companion_reminders AS RESTRICTIVE TO tandem_app, tandem_worker
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY active_member ON companion_reminders AS RESTRICTIVE TO tandem_app
  USING ((SELECT app_role()) IS NOT NULL) WITH CHECK ((SELECT app_role()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY own_all ON companion_reminders FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
-- The dispatcher needs when and for whom, never what: it may not read the ciphertext.
GRANT SELECT ("id", "clinic_id", "client_id", "due_at", "local_date", "local_time", "time_zone", "cancelled_at") ON "companion_reminders" TO tandem_worker;
--> statement-breakpoint
CREATE POLICY worker_read ON companion_reminders FOR SELECT TO tandem_worker USING (true);
