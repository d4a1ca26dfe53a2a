-- Imports that remember (issue 16): the mood each of a client's tracker labels stood for last
-- time, so the next import of that tracker asks again only about new labels; and check-ins
-- imported from iMoodJournal told apart from Daylio's.

ALTER TYPE "check_in_source" ADD VALUE IF NOT EXISTS 'imoodjournal_import';
--> statement-breakpoint
CREATE TABLE "import_mood_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"label" text NOT NULL,
	"mood" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mood_mappings_label_length" CHECK (length("import_mood_mappings"."label") between 1 and 200),
	CONSTRAINT "import_mood_mappings_mood_range" CHECK ("import_mood_mappings"."mood" between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "import_mood_mappings" ADD CONSTRAINT "import_mood_mappings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "import_mood_mappings" ADD CONSTRAINT "import_mood_mappings_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "import_mood_mappings_client_label_unique" ON "import_mood_mappings" USING btree ("client_id","label");
--> statement-breakpoint

-- As every client-owned table (0001): RLS enabled and forced, same clinic and an active member
-- required, the worker reads its clinic's rows, and only the client themself reads or writes theirs.
ALTER TABLE "import_mood_mappings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "import_mood_mappings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON "import_mood_mappings" TO tandem_worker;
--> statement-breakpoint
CREATE POLICY same_clinic ON import_mood_mappings AS RESTRICTIVE TO tandem_app, tandem_worker
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY active_member ON import_mood_mappings AS RESTRICTIVE TO tandem_app
  USING ((SELECT app_role()) IS NOT NULL) WITH CHECK ((SELECT app_role()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY worker_read ON import_mood_mappings FOR SELECT TO tandem_worker USING (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "import_mood_mappings" TO tandem_app;
--> statement-breakpoint
CREATE POLICY own_all ON import_mood_mappings FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
