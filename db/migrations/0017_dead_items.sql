-- The insight scope 'journal' was never produced: the engine reads check-ins and measures, and
-- risk language found in the journal is a 'risk' insight (docs/design.md §5). The value, its
-- type and its branch of the therapist's read policy go; the policy is otherwise unchanged.
DROP POLICY assigned_consented ON insights;
--> statement-breakpoint
ALTER TYPE insight_scope RENAME TO insight_scope_with_journal;
--> statement-breakpoint
CREATE TYPE insight_scope AS ENUM('checkins', 'measures', 'risk');
--> statement-breakpoint
ALTER TABLE insights ALTER COLUMN scope TYPE insight_scope USING scope::text::insight_scope;
--> statement-breakpoint
DROP TYPE insight_scope_with_journal;
--> statement-breakpoint
CREATE POLICY assigned_consented ON insights FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[])
         AND (scope = 'risk' OR (scope = 'checkins' AND client_id = ANY ((SELECT app_consented_clients('checkins'))::uuid[]))
              OR (scope = 'measures' AND client_id = ANY ((SELECT app_consented_clients('measures'))::uuid[]))));
--> statement-breakpoint
-- key_version was written as 1 on every encrypted row and never read: nothing chose a key by it.
-- A key rotation, when Tandem has one, will say how it finds a row's key.
ALTER TABLE journal_entries DROP COLUMN key_version;
--> statement-breakpoint
ALTER TABLE companion_conversations DROP COLUMN key_version;
--> statement-breakpoint
ALTER TABLE companion_messages DROP COLUMN key_version;
--> statement-breakpoint
ALTER TABLE companion_items DROP COLUMN key_version;
