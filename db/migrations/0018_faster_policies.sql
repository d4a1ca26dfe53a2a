-- The policy helpers as PL/pgSQL, same queries and settings. A SQL function that is SECURITY
-- DEFINER or SETs search_path is never inlined, and PostgreSQL 15 plans its body again on every
-- call: about 0.4 ms for app_consented_clients, which the caseload's statement calls about ten
-- times (once per table it names). PL/pgSQL keeps each query's plan for the connection's life.
CREATE OR REPLACE FUNCTION app_role() RETURNS role
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    RETURN (SELECT m.role
              FROM memberships m
              JOIN users u ON u.id = m.user_id
             WHERE m.user_id = app_user_id()
               AND m.clinic_id = app_clinic_id()
               AND u.deactivated_at IS NULL);
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_assigned_clients() RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    RETURN (SELECT coalesce(array_agg(DISTINCT a.client_id), '{}')
              FROM assignments a
             WHERE a.therapist_id = app_user_id()
               AND a.clinic_id = app_clinic_id()
               AND a.ended_at IS NULL
               AND (SELECT app_role()) = 'therapist');
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_consented_clients(s consent_scope) RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    RETURN (SELECT coalesce(array_agg(DISTINCT g.client_id), '{}')
              FROM consent_grants g
             WHERE g.therapist_id = app_user_id()
               AND g.clinic_id = app_clinic_id()
               AND g.scope = s
               AND g.revoked_at IS NULL
               AND (g.expires_at IS NULL OR g.expires_at > now())
               AND g.client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_companion_sharers() RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    -- The same grants as any scope's (0010 compared the scope as text only because the enum value
    -- was added in that migration's own transaction).
    RETURN app_consented_clients('companion');
  END
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_visible_users() RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    RETURN array_append(
      CASE (SELECT app_role())
        WHEN 'admin' THEN (SELECT coalesce(array_agg(m.user_id), '{}') FROM memberships m WHERE m.clinic_id = app_clinic_id())
        WHEN 'therapist' THEN (SELECT coalesce(array_agg(m.user_id), '{}') FROM memberships m
                                WHERE m.clinic_id = app_clinic_id() AND m.role IN ('therapist', 'admin'))
                              || (SELECT app_assigned_clients())
        WHEN 'client' THEN (SELECT coalesce(array_agg(m.user_id), '{}') FROM memberships m
                             WHERE m.clinic_id = app_clinic_id() AND m.role IN ('therapist', 'admin'))
        ELSE '{}'::uuid[]
      END,
      app_user_id());
  END
  $$;
--> statement-breakpoint
-- The therapist's read policies on the three tables read most (check-ins, measures, journal):
-- `client_id = ANY (array)` compares every row read with each client in the array in turn (150
-- for a caseload of 150, so the caseload's statement ran millions of comparisons over its
-- 60,000 check-in rows), and its array in an index condition made each client page read probe
-- the index once per consenting client. `client_id IN (SELECT unnest(array))` is the same test
-- answered from a hash table built once per statement (a hashed SubPlan), and leaves the index
-- to the query's own conditions. The client's own policy and every other table's are unchanged.
DROP POLICY consented_read ON check_ins;
--> statement-breakpoint
CREATE POLICY consented_read ON check_ins FOR SELECT TO tandem_app
  USING (client_id IN (SELECT unnest(app_consented_clients('checkins'))));
--> statement-breakpoint
DROP POLICY consented_read ON measure_responses;
--> statement-breakpoint
CREATE POLICY consented_read ON measure_responses FOR SELECT TO tandem_app
  USING (client_id IN (SELECT unnest(app_consented_clients('measures'))));
--> statement-breakpoint
DROP POLICY consented_read ON journal_entries;
--> statement-breakpoint
CREATE POLICY consented_read ON journal_entries FOR SELECT TO tandem_app
  USING (client_id IN (SELECT unnest(app_consented_clients('journal'))));
