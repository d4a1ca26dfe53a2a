-- The policy helpers evaluated app_role() (and app_assigned_clients()) once per row they scanned:
-- a therapist's `users` lookup in a clinic of 2,000 cost 50 ms. As scalar subqueries they are
-- evaluated once per call (measured by `npm run bench`).
CREATE OR REPLACE FUNCTION app_assigned_clients() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT a.client_id), '{}')
      FROM assignments a
     WHERE a.therapist_id = app_user_id()
       AND a.clinic_id = app_clinic_id()
       AND a.ended_at IS NULL
       AND (SELECT app_role()) = 'therapist'
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_consented_clients(s consent_scope) RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT g.client_id), '{}')
      FROM consent_grants g
     WHERE g.therapist_id = app_user_id()
       AND g.clinic_id = app_clinic_id()
       AND g.scope = s
       AND g.revoked_at IS NULL
       AND (g.expires_at IS NULL OR g.expires_at > now())
       AND g.client_id = ANY ((SELECT app_assigned_clients())::uuid[])
  $$;
--> statement-breakpoint
-- Who the caller may know by name: themselves; the clinic's staff; an admin every member; a
-- therapist also the clients assigned to them now (no longer every client of the clinic, which
-- they had no reason to see and which made each `users` read scan the whole clinic).
CREATE OR REPLACE FUNCTION app_visible_users() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT array_append(
      CASE (SELECT app_role())
        WHEN 'admin' THEN (SELECT coalesce(array_agg(m.user_id), '{}') FROM memberships m WHERE m.clinic_id = app_clinic_id())
        WHEN 'therapist' THEN (SELECT coalesce(array_agg(m.user_id), '{}') FROM memberships m
                                WHERE m.clinic_id = app_clinic_id() AND m.role IN ('therapist', 'admin'))
                              || (SELECT app_assigned_clients())
        WHEN 'client' THEN (SELECT coalesce(array_agg(m.user_id), '{}') FROM memberships m
                             WHERE m.clinic_id = app_clinic_id() AND m.role IN ('therapist', 'admin'))
        ELSE '{}'::uuid[]
      END,
      app_user_id())
  $$;
--> statement-breakpoint
-- The clinic's staff, read by app_visible_users() on every `users` lookup.
CREATE INDEX IF NOT EXISTS "memberships_clinic_role" ON "memberships" USING btree ("clinic_id", "role");
