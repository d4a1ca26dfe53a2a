-- The caseload (lib/dal/caseload.ts) reads each client's unacknowledged alerts for the therapist.
CREATE INDEX IF NOT EXISTS "alerts_client_therapist" ON "alerts" USING btree ("client_id", "therapist_id");
--> statement-breakpoint
-- A therapist's active clients: the caseload, and app_assigned_clients() behind every policy.
CREATE INDEX IF NOT EXISTS "assignments_therapist_active" ON "assignments" USING btree ("therapist_id") WHERE "ended_at" IS NULL;
