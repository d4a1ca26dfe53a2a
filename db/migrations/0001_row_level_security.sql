-- Row-level security: the database enforces the same isolation as lib/dal, so a bug above it
-- cannot leak one clinic's or one client's data to another. Hand-written because drizzle-kit
-- emits neither FORCE ROW LEVEL SECURITY nor GRANTs.
--
-- Roles (none can log in, none has BYPASSRLS, none owns a table):
--   tandem_app      request code, one signed-in person: SET LOCAL ROLE inside each transaction
--   tandem_worker   background work for one clinic (insight recompute, escalations)
--   tandem_definer  owns the SECURITY DEFINER helpers below and may only read what they need
-- The context is app.user_id and app.clinic_id, set with set_config(..., true) so it ends with
-- the transaction. No context means no rows.

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['tandem_app', 'tandem_worker', 'tandem_definer'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created meanwhile by a migration of another database on the same server
      END;
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint

GRANT USAGE ON SCHEMA public TO tandem_app, tandem_worker, tandem_definer;
--> statement-breakpoint
GRANT USAGE ON SCHEMA drizzle TO tandem_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO tandem_app;
--> statement-breakpoint

-- Context ---------------------------------------------------------------------------------------
-- An unset custom setting reads as '' after a transaction, not NULL: hence nullif.

CREATE FUNCTION app_user_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_clinic_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$;
--> statement-breakpoint

-- Helpers that read memberships, assignments and grants on the caller's behalf. They return
-- arrays so that a policy can call them once per query as `(SELECT f())`, not once per row.

CREATE FUNCTION app_role() RETURNS role
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT m.role
      FROM memberships m
      JOIN users u ON u.id = m.user_id
     WHERE m.user_id = app_user_id()
       AND m.clinic_id = app_clinic_id()
       AND u.deactivated_at IS NULL
  $$;
--> statement-breakpoint
CREATE FUNCTION app_assigned_clients() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT a.client_id), '{}')
      FROM assignments a
     WHERE a.therapist_id = app_user_id()
       AND a.clinic_id = app_clinic_id()
       AND a.ended_at IS NULL
       AND app_role() = 'therapist'
  $$;
--> statement-breakpoint
CREATE FUNCTION app_consented_clients(s consent_scope) RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT g.client_id), '{}')
      FROM consent_grants g
     WHERE g.therapist_id = app_user_id()
       AND g.clinic_id = app_clinic_id()
       AND g.scope = s
       AND g.revoked_at IS NULL
       AND (g.expires_at IS NULL OR g.expires_at > now())
       AND g.client_id = ANY (app_assigned_clients())
  $$;
--> statement-breakpoint
-- Who the caller may know by name: themselves; staff see every member of the clinic; a client
-- sees the clinic's staff but never other clients.
CREATE FUNCTION app_visible_users() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT array_append(coalesce(array_agg(m.user_id), '{}'), app_user_id())
      FROM memberships m
     WHERE m.clinic_id = app_clinic_id()
       AND app_role() IS NOT NULL
       AND (app_role() IN ('therapist', 'admin') OR m.role IN ('therapist', 'admin'))
  $$;
--> statement-breakpoint

-- Sign-in runs before any context exists: these two answer only what it needs.
CREATE FUNCTION auth_find_user(lookup_email text)
  RETURNS TABLE (user_id uuid, name text, password_hash text, deactivated_at timestamptz,
                 session_version integer, clinic_id uuid, role role)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT u.id, u.name, u.password_hash, u.deactivated_at, u.session_version, m.clinic_id, m.role
      FROM users u
      LEFT JOIN LATERAL (
        SELECT mm.clinic_id, mm.role FROM memberships mm
         WHERE mm.user_id = u.id ORDER BY mm.created_at, mm.clinic_id LIMIT 1
      ) m ON true
     WHERE u.email = lower(trim(lookup_email))
  $$;
--> statement-breakpoint

-- Audit chain ------------------------------------------------------------------------------------
-- Each event's hash covers the previous event's hash and its own fields, per clinic, so an edited
-- or deleted row breaks the chain from that point on.

CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT encode(sha256(convert_to(concat_ws('|',
      e.prev_hash, e.seq::text, e.id::text, e.clinic_id::text,
      coalesce(e.actor_id::text, ''), coalesce(e.actor_role::text, ''),
      e.action, e.subject_type, coalesce(e.subject_id::text, ''),
      coalesce(e.subject_client_id::text, ''), e.outcome::text,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    ), 'UTF8')), 'hex')
  $$;
--> statement-breakpoint
CREATE FUNCTION audit_events_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    last_seq bigint;
    last_hash text;
  BEGIN
    -- One writer per clinic chain at a time; released at commit.
    PERFORM pg_advisory_xact_lock(hashtextextended('tandem.audit.' || NEW.clinic_id::text, 0));
    SELECT seq, hash INTO last_seq, last_hash
      FROM audit_events WHERE clinic_id = NEW.clinic_id ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.occurred_at := now();
    NEW.hash := audit_event_hash(NEW);
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint

-- Records that must not change ------------------------------------------------------------------

CREATE FUNCTION consent_grants_only_revoke() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF OLD.revoked_at IS NOT NULL
       OR (NEW.clinic_id, NEW.client_id, NEW.therapist_id, NEW.scope, NEW.granted_at, NEW.expires_at)
          IS DISTINCT FROM
          (OLD.clinic_id, OLD.client_id, OLD.therapist_id, OLD.scope, OLD.granted_at, OLD.expires_at) THEN
      RAISE EXCEPTION 'consent grants are never edited: revoke and grant anew'
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER consent_grants_only_revoke BEFORE UPDATE ON consent_grants
  FOR EACH ROW EXECUTE FUNCTION consent_grants_only_revoke();
--> statement-breakpoint

CREATE FUNCTION session_notes_signed_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'a signed note is part of the clinical record and cannot be deleted'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN OLD;
    END IF;
    -- A deleted account or author only clears the link (ON DELETE SET NULL); the content stays.
    IF OLD.status = 'signed'
       AND (NEW.clinic_id, NEW.session_date, NEW.template, NEW.body_ciphertext, NEW.status, NEW.signed_at)
           IS DISTINCT FROM
           (OLD.clinic_id, OLD.session_date, OLD.template, OLD.body_ciphertext, OLD.status, OLD.signed_at) THEN
      RAISE EXCEPTION 'a signed note is read-only: add an addendum instead'
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER session_notes_signed_immutable BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_signed_immutable();
--> statement-breakpoint

ALTER FUNCTION app_role() OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION app_assigned_clients() OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION app_consented_clients(consent_scope) OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION app_visible_users() OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION auth_find_user(text) OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION audit_events_chain() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_role(), app_assigned_clients(), app_consented_clients(consent_scope),
  app_visible_users(), auth_find_user(text), audit_events_chain() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_role(), app_assigned_clients(), app_consented_clients(consent_scope),
  app_visible_users(), auth_find_user(text) TO tandem_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_role() TO tandem_definer;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_assigned_clients() TO tandem_definer;
--> statement-breakpoint

-- The definer role reads only what its helpers need.
GRANT SELECT ON users, memberships, assignments, consent_grants, audit_events TO tandem_definer;
--> statement-breakpoint
CREATE POLICY definer_read ON users FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON memberships FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON assignments FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON consent_grants FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON audit_events FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint

-- Every table: RLS enabled and forced; a restrictive same-clinic policy for the app and worker
-- roles; the worker may read anything of its clinic.

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT ON %I TO tandem_worker', t);
    IF t = 'clinics' THEN
      EXECUTE 'CREATE POLICY same_clinic ON clinics AS RESTRICTIVE TO tandem_app, tandem_worker
                 USING (id = (SELECT app_clinic_id())) WITH CHECK (id = (SELECT app_clinic_id()))';
    ELSIF t <> 'users' THEN
      EXECUTE format('CREATE POLICY same_clinic ON %I AS RESTRICTIVE TO tandem_app, tandem_worker
                        USING (clinic_id = (SELECT app_clinic_id()))
                        WITH CHECK (clinic_id = (SELECT app_clinic_id()))', t);
      -- A signed-in person acts only inside a clinic they belong to and are active in.
      EXECUTE format('CREATE POLICY active_member ON %I AS RESTRICTIVE TO tandem_app
                        USING ((SELECT app_role()) IS NOT NULL)
                        WITH CHECK ((SELECT app_role()) IS NOT NULL)', t);
    END IF;
    IF t <> 'users' THEN
      EXECUTE format('CREATE POLICY worker_read ON %I FOR SELECT TO tandem_worker USING (true)', t);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
-- Append-only for the app: the audit log, the history of reviews, acknowledgements, addenda and
-- care-plan versions.
REVOKE UPDATE, DELETE ON audit_events, insight_reviews, alert_acknowledgements,
  session_note_addenda, care_plan_versions, care_plan_evidence FROM tandem_app;
--> statement-breakpoint
REVOKE INSERT, DELETE ON clinics, insights FROM tandem_app;
--> statement-breakpoint
REVOKE INSERT ON users FROM tandem_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON consent_grants, alerts FROM tandem_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON consent_grants TO tandem_app;
--> statement-breakpoint
GRANT INSERT, UPDATE ON insights TO tandem_worker;
--> statement-breakpoint
GRANT INSERT ON audit_events TO tandem_worker;
--> statement-breakpoint

-- Policies for a signed-in person (tandem_app). Same-clinic is already required above.

CREATE POLICY clinic_read ON clinics FOR SELECT TO tandem_app USING (true);
--> statement-breakpoint
CREATE POLICY admin_update ON clinics FOR UPDATE TO tandem_app
  USING ((SELECT app_role()) = 'admin') WITH CHECK ((SELECT app_role()) = 'admin');
--> statement-breakpoint

CREATE POLICY visible_read ON users FOR SELECT TO tandem_app
  USING (id = ANY ((SELECT app_visible_users())::uuid[]));
--> statement-breakpoint
CREATE POLICY self_or_admin_update ON users FOR UPDATE TO tandem_app
  USING (id = (SELECT app_user_id())
         OR ((SELECT app_role()) = 'admin' AND id = ANY ((SELECT app_visible_users())::uuid[])))
  WITH CHECK (id = (SELECT app_user_id())
         OR ((SELECT app_role()) = 'admin' AND id = ANY ((SELECT app_visible_users())::uuid[])));
--> statement-breakpoint
CREATE POLICY self_delete ON users FOR DELETE TO tandem_app USING (id = (SELECT app_user_id()));
--> statement-breakpoint

CREATE POLICY member_read ON memberships FOR SELECT TO tandem_app
  USING (user_id = ANY ((SELECT app_visible_users())::uuid[]));
--> statement-breakpoint
CREATE POLICY admin_write ON memberships FOR ALL TO tandem_app
  USING ((SELECT app_role()) = 'admin') WITH CHECK ((SELECT app_role()) = 'admin');
--> statement-breakpoint

CREATE POLICY party_read ON assignments FOR SELECT TO tandem_app
  USING (client_id = (SELECT app_user_id()) OR therapist_id = (SELECT app_user_id())
         OR (SELECT app_role()) = 'admin');
--> statement-breakpoint
CREATE POLICY admin_write ON assignments FOR ALL TO tandem_app
  USING ((SELECT app_role()) = 'admin') WITH CHECK ((SELECT app_role()) = 'admin');
--> statement-breakpoint

CREATE POLICY admin_all ON invitations FOR ALL TO tandem_app
  USING ((SELECT app_role()) = 'admin') WITH CHECK ((SELECT app_role()) = 'admin');
--> statement-breakpoint

CREATE POLICY party_read ON consent_grants FOR SELECT TO tandem_app
  USING (client_id = (SELECT app_user_id()) OR therapist_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY client_grant ON consent_grants FOR INSERT TO tandem_app
  WITH CHECK (client_id = (SELECT app_user_id()) AND (SELECT app_role()) = 'client');
--> statement-breakpoint
CREATE POLICY client_revoke ON consent_grants FOR UPDATE TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint

-- The client's own records, and the assigned therapist's reads while the scope is shared.
CREATE POLICY own_all ON check_ins FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY consented_read ON check_ins FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_consented_clients('checkins'))::uuid[]));
--> statement-breakpoint
CREATE POLICY own_all ON custom_tags FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY own_all ON measure_responses FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY consented_read ON measure_responses FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_consented_clients('measures'))::uuid[]));
--> statement-breakpoint
CREATE POLICY own_all ON journal_entries FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY consented_read ON journal_entries FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_consented_clients('journal'))::uuid[]));
--> statement-breakpoint
CREATE POLICY own_all ON pauses FOR ALL TO tandem_app
  USING (client_id = (SELECT app_user_id())) WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY assigned_read ON pauses FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY own_read ON measure_schedules FOR SELECT TO tandem_app
  USING (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY assigned_all ON measure_schedules FOR ALL TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]))
  WITH CHECK (client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint

-- Insights: the assigned therapist reviews those resting on data the client shares; risk
-- insights always reach them (the safety exception).
CREATE POLICY assigned_consented ON insights FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[])
         AND (scope = 'risk' OR (scope = 'checkins' AND client_id = ANY ((SELECT app_consented_clients('checkins'))::uuid[]))
              OR (scope = 'measures' AND client_id = ANY ((SELECT app_consented_clients('measures'))::uuid[]))
              OR (scope = 'journal' AND client_id = ANY ((SELECT app_consented_clients('journal'))::uuid[]))));
--> statement-breakpoint
CREATE POLICY assigned_review ON insights FOR UPDATE TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]))
  WITH CHECK (client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY worker_write ON insights FOR ALL TO tandem_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY assigned_read ON insight_reviews FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY reviewer_insert ON insight_reviews FOR INSERT TO tandem_app
  WITH CHECK (reviewer_id = (SELECT app_user_id()) AND client_id = ANY ((SELECT app_assigned_clients())::uuid[])
              AND EXISTS (SELECT 1 FROM insights i WHERE i.id = insight_id AND i.client_id = insight_reviews.client_id));
--> statement-breakpoint

-- Urgent alerts are written by the client's own transaction and always reach the assigned
-- therapist, whatever is shared.
CREATE POLICY own_insert ON alerts FOR INSERT TO tandem_app
  WITH CHECK (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY own_read ON alerts FOR SELECT TO tandem_app
  USING (client_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY assigned_read ON alerts FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY assigned_read ON alert_acknowledgements FOR SELECT TO tandem_app
  USING (EXISTS (SELECT 1 FROM alerts a WHERE a.id = alert_id));
--> statement-breakpoint
CREATE POLICY assigned_insert ON alert_acknowledgements FOR INSERT TO tandem_app
  WITH CHECK (acknowledged_by = (SELECT app_user_id())
              AND EXISTS (SELECT 1 FROM alerts a
                           WHERE a.id = alert_id AND a.client_id = ANY ((SELECT app_assigned_clients())::uuid[])));
--> statement-breakpoint

-- Clinical records: written by the assigned therapist; private notes by their author alone.
CREATE POLICY assigned_read ON session_notes FOR SELECT TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]) OR author_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY author_insert ON session_notes FOR INSERT TO tandem_app
  WITH CHECK (author_id = (SELECT app_user_id()) AND client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY author_update ON session_notes FOR UPDATE TO tandem_app
  USING (author_id = (SELECT app_user_id())) WITH CHECK (author_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY author_delete ON session_notes FOR DELETE TO tandem_app
  USING (author_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY note_read ON session_note_addenda FOR SELECT TO tandem_app
  USING (EXISTS (SELECT 1 FROM session_notes n WHERE n.id = note_id));
--> statement-breakpoint
CREATE POLICY author_insert ON session_note_addenda FOR INSERT TO tandem_app
  WITH CHECK (author_id = (SELECT app_user_id())
              AND EXISTS (SELECT 1 FROM session_notes n
                           WHERE n.id = note_id AND n.status = 'signed'
                             AND n.client_id = ANY ((SELECT app_assigned_clients())::uuid[])));
--> statement-breakpoint
CREATE POLICY author_only ON private_notes FOR ALL TO tandem_app
  USING (author_id = (SELECT app_user_id()))
  WITH CHECK (author_id = (SELECT app_user_id()) AND client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY assigned_all ON care_plans FOR ALL TO tandem_app
  USING (client_id = ANY ((SELECT app_assigned_clients())::uuid[]))
  WITH CHECK (client_id = ANY ((SELECT app_assigned_clients())::uuid[]));
--> statement-breakpoint
CREATE POLICY plan_read ON care_plan_versions FOR SELECT TO tandem_app
  USING (EXISTS (SELECT 1 FROM care_plans p WHERE p.id = care_plan_id));
--> statement-breakpoint
CREATE POLICY author_insert ON care_plan_versions FOR INSERT TO tandem_app
  WITH CHECK (author_id = (SELECT app_user_id())
              AND EXISTS (SELECT 1 FROM care_plans p WHERE p.id = care_plan_id));
--> statement-breakpoint
CREATE POLICY version_read ON care_plan_evidence FOR SELECT TO tandem_app
  USING (EXISTS (SELECT 1 FROM care_plan_versions v WHERE v.id = care_plan_version_id));
--> statement-breakpoint
CREATE POLICY version_insert ON care_plan_evidence FOR INSERT TO tandem_app
  WITH CHECK (EXISTS (SELECT 1 FROM care_plan_versions v WHERE v.id = care_plan_version_id));
--> statement-breakpoint

-- Audit: everyone records their own actions; the admin reads the clinic's log; a client reads
-- who touched their data (their access log).
CREATE POLICY actor_insert ON audit_events FOR INSERT TO tandem_app
  WITH CHECK (actor_id = (SELECT app_user_id()));
--> statement-breakpoint
CREATE POLICY worker_insert ON audit_events FOR INSERT TO tandem_worker
  WITH CHECK (actor_id IS NULL);
--> statement-breakpoint
CREATE POLICY admin_or_subject_read ON audit_events FOR SELECT TO tandem_app
  USING ((SELECT app_role()) = 'admin' OR subject_client_id = (SELECT app_user_id()));
