-- Indexes the plans of a 10,000-client clinic asked for (`npm run bench -- --clients 10000`, issue 17).
-- The caseload's signal column reads each client's open, unreviewed insights.
CREATE INDEX IF NOT EXISTS "insights_client_open_new" ON "insights" USING btree ("client_id") WHERE "status" = 'open' AND "review_state" = 'new';
--> statement-breakpoint
-- The caseload's last two PHQ-9 and GAD-7 answers per client, without reading the other instrument's.
CREATE INDEX IF NOT EXISTS "measure_responses_client_instrument_completed" ON "measure_responses" USING btree ("client_id", "instrument", "completed_at");
--> statement-breakpoint
-- The client page's check-in notes panel: the latest check-ins that carry a note or tags.
CREATE INDEX IF NOT EXISTS "check_ins_client_noted" ON "check_ins" USING btree ("client_id", "local_date", "recorded_at") WHERE "note" IS NOT NULL OR cardinality("tags") > 0;
