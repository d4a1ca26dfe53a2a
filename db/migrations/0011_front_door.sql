-- The front door (issue 14, items 1–4): two-factor for staff, throttling, failed sign-ins, and
-- sessions that sign-out and idleness really end.

-- Two-factor: a clinic setting (on for every new clinic), the idle limit for staff sessions, and
-- per person the encrypted TOTP seed (column already present), when it was confirmed, the last
-- time step accepted (so a code cannot be replayed) and the hashes of unused backup codes.
ALTER TABLE "clinics" ADD COLUMN "require_two_factor" boolean DEFAULT true NOT NULL;
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "staff_idle_minutes" smallint DEFAULT 30 NOT NULL;
--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_staff_idle_range" CHECK ("clinics"."staff_idle_minutes" between 5 and 240);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_time_step" bigint;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "backup_code_hashes" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_totp_enabled_has_secret" CHECK ("users"."totp_enabled_at" is null or "users"."totp_secret_ciphertext" is not null);
--> statement-breakpoint

-- Each sign-in is one row: the JWT carries its id, and every request checks it is neither
-- revoked, older than 12 hours, nor (for staff) idle past the clinic's limit.
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"device" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "user_sessions_device_length" CHECK (length("user_sessions"."device") <= 300),
	CONSTRAINT "user_sessions_source_length" CHECK (length("user_sessions"."source") <= 100)
);
--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "user_sessions_user" ON "user_sessions" USING btree ("user_id","created_at");
--> statement-breakpoint

-- Failed sign-ins, with the account when the email belongs to one. Never the password, never an
-- unknown email (it could be a password typed into the wrong box).
CREATE TABLE "sign_in_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"user_id" uuid,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_failures_reason" CHECK ("sign_in_failures"."reason" in ('unknown_account', 'wrong_password', 'deactivated', 'wrong_code', 'throttled')),
	CONSTRAINT "sign_in_failures_source_length" CHECK (length("sign_in_failures"."source") <= 100)
);
--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD CONSTRAINT "sign_in_failures_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD CONSTRAINT "sign_in_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "sign_in_failures_clinic" ON "sign_in_failures" USING btree ("clinic_id","occurred_at");
--> statement-breakpoint

-- rate-limiter-flexible's Drizzle store: one row per throttled key (an HMAC, never an email or
-- an address in clear), its points and when they expire.
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint

ALTER TABLE "user_sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "user_sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sign_in_failures" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sign_in_failures" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "rate_limits" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "rate_limits" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- Same clinic first, as on every table with clinic_id (0001_row_level_security.sql).
CREATE POLICY same_clinic ON "user_sessions" AS RESTRICTIVE TO tandem_app, tandem_worker
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY same_clinic ON "sign_in_failures" AS RESTRICTIVE TO tandem_app, tandem_worker
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint

-- A person sees and ends only their own sessions, in their own clinic.
GRANT SELECT, INSERT, UPDATE ON "user_sessions" TO tandem_app;
--> statement-breakpoint
CREATE POLICY own_sessions ON "user_sessions" FOR ALL TO tandem_app
  USING (user_id = (SELECT app_user_id()) AND clinic_id = (SELECT app_clinic_id()))
  WITH CHECK (user_id = (SELECT app_user_id()) AND clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint

-- Written only through auth_record_sign_in_failure (below); the clinic's admin reads its own.
GRANT SELECT ON "sign_in_failures" TO tandem_app;
--> statement-breakpoint
CREATE POLICY admin_read ON "sign_in_failures" FOR SELECT TO tandem_app
  USING (clinic_id = (SELECT app_clinic_id()) AND (SELECT app_role()) = 'admin');
--> statement-breakpoint

-- Throttling happens before anyone is known: the keys are HMACs, so the rows say nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limits" TO tandem_app;
--> statement-breakpoint
CREATE POLICY throttle ON "rate_limits" FOR ALL TO tandem_app USING (true) WITH CHECK (true);
--> statement-breakpoint

CREATE FUNCTION auth_record_sign_in_failure(lookup_email text, failure_source text, failure_reason text)
  RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    INSERT INTO sign_in_failures (clinic_id, user_id, source, reason)
    SELECT f.clinic_id, f.user_id, left(failure_source, 100), failure_reason
      FROM (SELECT 1) one
      LEFT JOIN LATERAL auth_find_user(lookup_email) f ON true
  $$;
--> statement-breakpoint
ALTER FUNCTION auth_record_sign_in_failure(text, text, text) OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_record_sign_in_failure(text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_record_sign_in_failure(text, text, text) TO tandem_app;
--> statement-breakpoint
GRANT INSERT ON "sign_in_failures" TO tandem_definer;
--> statement-breakpoint
CREATE POLICY definer_insert ON "sign_in_failures" FOR INSERT TO tandem_definer WITH CHECK (true);
--> statement-breakpoint
