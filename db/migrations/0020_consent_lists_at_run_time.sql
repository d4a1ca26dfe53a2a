-- The therapist's read policies on check-ins, measures and journal ask for the consent list as a
-- scalar subquery, `unnest((SELECT app_consented_clients(scope)))`, where they passed the call to
-- unnest directly. The test is the same. Passed directly, a STABLE call with a constant argument
-- is one PostgreSQL's planner runs while planning, to guess how many rows unnest returns
-- (array_unnest_support estimates from the argument's value), and then the executor runs it
-- again: the list was built twice for every statement reading one of these tables. A subquery's
-- value is not known when planning, so the list is built once, when the statement runs, as
-- docs/design.md says. As tandem_app on the bench clinic (2,000 clients, 150 a therapist), warm:
-- planning one client's questionnaires 1.25 → 0.16–0.20 ms, running them unchanged (1.2–1.6 ms).
ALTER POLICY consented_read ON check_ins
  USING (client_id IN (SELECT unnest((SELECT app_consented_clients('checkins')))));
--> statement-breakpoint
ALTER POLICY consented_read ON measure_responses
  USING (client_id IN (SELECT unnest((SELECT app_consented_clients('measures')))));
--> statement-breakpoint
ALTER POLICY consented_read ON journal_entries
  USING (client_id IN (SELECT unnest((SELECT app_consented_clients('journal')))));
