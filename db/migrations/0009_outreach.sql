-- Tandem reaches out (issue 11): the client's reminder settings, their Web Push subscriptions,
-- and one record per notification (reminders, nudges, escalation emails) with what became of it.
-- The job queue (pg-boss) keeps its own tables in its own schema "pgboss", created by pg-boss
-- on start: it holds job names and ids only, never clinical content, and none of Tandem's roles
-- is granted anything on it.

CREATE TYPE "notification_kind" AS ENUM ('checkin', 'measure', 'nudge', 'alert_new', 'alert_overdue');
--> statement-breakpoint
CREATE TYPE "notification_channel" AS ENUM ('push', 'email', 'in_app');
--> statement-breakpoint
CREATE TYPE "notification_status" AS ENUM ('pending', 'sending', 'accepted', 'failed');
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"checkin_enabled" boolean DEFAULT false NOT NULL,
	"checkin_times" text[] DEFAULT '{20:00}'::text[] NOT NULL,
	"weekdays" smallint[] DEFAULT '{1,2,3,4,5,6,7}'::smallint[] NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"measure_enabled" boolean DEFAULT false NOT NULL,
	"nudges_enabled" boolean DEFAULT false NOT NULL,
	"email_allowed" boolean DEFAULT false NOT NULL,
	"push_lost_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_times" CHECK (array_to_string("checkin_times", ',') ~ '^([01][0-9]|2[0-3]):[0-5][0-9](,([01][0-9]|2[0-3]):[0-5][0-9])?$' and array_position("checkin_times", null) is null),
	CONSTRAINT "reminder_settings_weekdays" CHECK (cardinality("weekdays") between 1 and 7 and "weekdays" <@ '{1,2,3,4,5,6,7}'::smallint[]),
	CONSTRAINT "reminder_settings_quiet" CHECK (("quiet_start" IS NULL) = ("quiet_end" IS NULL) and ("quiet_start" IS NULL or ("quiet_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "quiet_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')))
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_endpoint_https" CHECK ("endpoint" ~ '^https?://' and length("endpoint") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"dedupe_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"local_time" text,
	"time_zone" text,
	"status" "notification_status" DEFAULT 'pending' NOT NULL,
	"channel" "notification_channel",
	"push_error" text,
	"failure_reason" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_unique" ON "push_subscriptions" USING btree ("endpoint");
--> statement-breakpoint
CREATE INDEX "push_subscriptions_client" ON "push_subscriptions" USING btree ("client_id");
--> statement-breakpoint
-- One notification per reminder slot, nudge day or escalation step: a second worker's insert
-- of the same key does nothing, so nothing is sent twice.
CREATE UNIQUE INDEX "notifications_dedupe_unique" ON "notifications" USING btree ("dedupe_key");
--> statement-breakpoint
CREATE INDEX "notifications_client_created" ON "notifications" USING btree ("client_id", "created_at");
--> statement-breakpoint
CREATE INDEX "notifications_unfinished" ON "notifications" USING btree ("due_at") WHERE "status" IN ('pending', 'sending');
--> statement-breakpoint

-- As every client-owned table (0001): RLS enabled and forced, same clinic and an active member.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['reminder_settings', 'push_subscriptions', 'notifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY same_clinic ON %I AS RESTRICTIVE TO tandem_app, tandem_worker
                      USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()))', t);
    EXECUTE format('CREATE POLICY active_member ON %I AS RESTRICTIVE TO tandem_app
                      USING ((SELECT app_role()) IS NOT NULL) WITH CHECK ((SELECT app_role()) IS NOT NULL)', t);
    EXECUTE format('CREATE POLICY worker_read ON %I FOR SELECT TO tandem_worker USING (true)', t);
    EXECUTE format('GRANT SELECT ON %I TO tandem_worker', t);
  END LOOP;
END
$$;
--> statement-breakpoint

-- The client owns their settings and subscriptions.
GRANT SELECT, INSERT, UPDATE, DELETE ON "reminder_settings", "push_subscriptions" TO tandem_app;
--> statement-breakpoint
CREATE POLICY own_all ON reminder_settings FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY own_all ON push_subscriptions FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
-- The therapist sees whether a client's reminders are on (never when or how) while the client
-- shares check-ins with them.
CREATE POLICY consented_read ON reminder_settings FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_consented_clients('checkins'))::uuid[]));
--> statement-breakpoint
-- The record of what was sent: the recipient reads theirs and marks one opened; the therapist
-- reads a client's reminder record (the fact of delivery, no content is stored) only while the
-- client shares check-ins; an admin reads the clinic's escalation emails. Only the worker writes.
GRANT SELECT ON "notifications" TO tandem_app;
--> statement-breakpoint
GRANT UPDATE ("opened_at") ON "notifications" TO tandem_app;
--> statement-breakpoint
CREATE POLICY recipient_read ON notifications FOR SELECT TO tandem_app USING (recipient_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY recipient_open ON notifications FOR UPDATE TO tandem_app
  USING (recipient_id = (SELECT app_user_id())) WITH CHECK (recipient_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY consented_read ON notifications FOR SELECT TO tandem_app
  USING (kind IN ('checkin', 'measure', 'nudge') AND client_id = ANY ((SELECT app_consented_clients('checkins'))::uuid[]));
--> statement-breakpoint
CREATE POLICY admin_escalations_read ON notifications FOR SELECT TO tandem_app
  USING (kind IN ('alert_new', 'alert_overdue') AND (SELECT app_role()) = 'admin');
--> statement-breakpoint

-- The worker sends: it writes the record, forgets a subscription the push service reports gone
-- and tells the client so through push_lost_at.
GRANT INSERT, UPDATE ON "notifications" TO tandem_worker;
--> statement-breakpoint
CREATE POLICY worker_write ON notifications FOR ALL TO tandem_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT DELETE ON "push_subscriptions" TO tandem_worker;
--> statement-breakpoint
CREATE POLICY worker_delete ON push_subscriptions FOR DELETE TO tandem_worker USING (true);
--> statement-breakpoint
GRANT UPDATE ("push_lost_at") ON "reminder_settings" TO tandem_worker;
--> statement-breakpoint
CREATE POLICY worker_update ON reminder_settings FOR UPDATE TO tandem_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Reminders and escalation emails need the person's address and time zone: the worker reads
-- the users who belong to its clinic (memberships are already same-clinic for it).
CREATE POLICY worker_read ON users FOR SELECT TO tandem_worker
  USING (id IN (SELECT m.user_id FROM memberships m));
--> statement-breakpoint

-- The minute's dispatch starts before any clinic's context: this answers only which clinics
-- exist and their time zones (for the nightly 02:00 run), nothing else.
CREATE FUNCTION outreach_clinics() RETURNS TABLE (clinic_id uuid, time_zone text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.id, c.time_zone FROM clinics c ORDER BY c.created_at, c.id $$;
--> statement-breakpoint
ALTER FUNCTION outreach_clinics() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION outreach_clinics() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION outreach_clinics() TO tandem_worker;
--> statement-breakpoint

-- The dispatcher's progress: the last minute whose reminders were recorded, so a worker that
-- was down catches up on the minutes it missed, and /api/health can tell when it is behind.
CREATE TABLE "outreach_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_minute_done" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_state_single_row" CHECK ("id")
);
--> statement-breakpoint
INSERT INTO "outreach_state" ("id") VALUES (true);
--> statement-breakpoint
ALTER TABLE "outreach_state" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outreach_state" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, UPDATE ON "outreach_state" TO tandem_worker;
--> statement-breakpoint
-- The app role may look but no policy lets it see the row (no context, no rows, as everywhere).
GRANT SELECT ON "outreach_state" TO tandem_app;
--> statement-breakpoint
CREATE POLICY worker_all ON outreach_state FOR ALL TO tandem_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON "outreach_state", "notifications" TO tandem_definer;
--> statement-breakpoint
CREATE POLICY definer_read ON outreach_state FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON notifications FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
-- How far behind background work is, in seconds, for /api/health (no context needed, no rows
-- shown): the older of the oldest notification due but not yet sent and the first minute not yet
-- dispatched (since the database was migrated when no worker has ever run).
CREATE FUNCTION outreach_queue_lag() RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT greatest(0,
      floor(extract(epoch FROM now() - coalesce(
        (SELECT min(n.due_at) FROM notifications n WHERE n.status IN ('pending', 'sending') AND n.due_at <= now()), now()))),
      floor(extract(epoch FROM now() - (SELECT coalesce(s.last_minute_done + interval '1 minute', s.created_at) FROM outreach_state s))))::integer
  $$;
--> statement-breakpoint
ALTER FUNCTION outreach_queue_lag() OWNER TO tandem_definer;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION outreach_queue_lag() TO tandem_app;
