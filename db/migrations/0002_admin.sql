-- The clinic admin's side. An admin never reads clinical content, and an invitee has no account
-- and no context yet, so each need gets one narrow SECURITY DEFINER function owned by
-- tandem_definer that answers only what it must: no BYPASSRLS anywhere.

-- Invitations ------------------------------------------------------------------------------------
-- Looked up and accepted by the hash of the single-use token, before any sign-in.

CREATE FUNCTION invitation_lookup(lookup_hash text)
  RETURNS TABLE (invitation_id uuid, clinic_name text, email text, role role, therapist_name text,
                 expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT i.id, c.name, i.email, i.role, t.name, i.expires_at, i.accepted_at, i.revoked_at
      FROM invitations i
      JOIN clinics c ON c.id = i.clinic_id
      LEFT JOIN users t ON t.id = i.therapist_id
     WHERE i.token_hash = lookup_hash
  $$;
--> statement-breakpoint
-- Creates the account, its membership and (for a client) the assignment named in the invitation,
-- and marks the invitation used, all at once; the row lock makes a second use wait and then fail.
CREATE FUNCTION invitation_accept(lookup_hash text, new_name text, new_password_hash text, new_time_zone text)
  RETURNS TABLE (status text, account_id uuid, account_email text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    inv invitations;
    created uuid;
  BEGIN
    SELECT * INTO inv FROM invitations i WHERE i.token_hash = lookup_hash FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::text;
      RETURN;
    END IF;
    IF inv.revoked_at IS NOT NULL THEN
      RETURN QUERY SELECT 'revoked'::text, NULL::uuid, NULL::text;
      RETURN;
    END IF;
    IF inv.accepted_at IS NOT NULL THEN
      RETURN QUERY SELECT 'used'::text, NULL::uuid, NULL::text;
      RETURN;
    END IF;
    IF inv.expires_at <= now() THEN
      RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::text;
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM users u WHERE u.email = inv.email) THEN
      RETURN QUERY SELECT 'email_taken'::text, NULL::uuid, NULL::text;
      RETURN;
    END IF;
    INSERT INTO users (email, name, password_hash, time_zone)
      VALUES (inv.email, new_name, new_password_hash, new_time_zone)
      RETURNING id INTO created;
    INSERT INTO memberships (user_id, clinic_id, role) VALUES (created, inv.clinic_id, inv.role);
    -- The named therapist must still be an active therapist of the clinic.
    IF inv.role = 'client' AND inv.therapist_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.user_id = inv.therapist_id AND m.clinic_id = inv.clinic_id
         AND m.role = 'therapist' AND u.deactivated_at IS NULL
    ) THEN
      INSERT INTO assignments (clinic_id, client_id, therapist_id, assigned_by)
        VALUES (inv.clinic_id, created, inv.therapist_id, inv.invited_by);
    END IF;
    UPDATE invitations SET accepted_at = now() WHERE id = inv.id;
    INSERT INTO audit_events (clinic_id, actor_id, actor_role, action, subject_type, subject_id, outcome)
      VALUES (inv.clinic_id, created, inv.role, 'invitation.accept', 'account', inv.id, 'allowed');
    RETURN QUERY SELECT 'accepted'::text, created, inv.email;
  END
  $$;
--> statement-breakpoint

-- Caseload figures for the admin: per client only dates and counts, never values or answers.

CREATE FUNCTION admin_client_activity()
  RETURNS TABLE (client_id uuid, joined_on date, last_check_in_on date, overdue_measures integer, is_paused boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT m.user_id,
           (m.created_at AT TIME ZONE c.time_zone)::date,
           (SELECT max(ci.local_date) FROM check_ins ci
             WHERE ci.client_id = m.user_id AND ci.clinic_id = m.clinic_id),
           -- A questionnaire is overdue when its cadence (the therapist's, else the clinic's)
           -- has passed since it was last completed, or since the client joined.
           (SELECT count(*)::integer
              FROM (VALUES ('phq9'::instrument), ('gad7'::instrument)) AS ins(instrument)
              LEFT JOIN measure_schedules s
                ON s.client_id = m.user_id AND s.clinic_id = m.clinic_id AND s.instrument = ins.instrument
             WHERE coalesce((SELECT max(r.completed_at) FROM measure_responses r
                              WHERE r.client_id = m.user_id AND r.clinic_id = m.clinic_id
                                AND r.instrument = ins.instrument), m.created_at)
                   + make_interval(days => coalesce(s.cadence_days, c.measure_cadence_days)) < now()),
           EXISTS (SELECT 1 FROM pauses p
                    WHERE p.client_id = m.user_id AND p.clinic_id = m.clinic_id AND p.cancelled_at IS NULL
                      AND (now() AT TIME ZONE c.time_zone)::date BETWEEN p.starts_on AND p.ends_on)
      FROM memberships m
      JOIN clinics c ON c.id = m.clinic_id
     WHERE m.clinic_id = app_clinic_id()
       AND m.role = 'client'
       AND app_role() = 'admin'
  $$;
--> statement-breakpoint
-- Urgent alerts still unacknowledged after the clinic's escalation time: which client and since
-- when, nothing about what the alert says.
CREATE FUNCTION admin_waiting_alerts()
  RETURNS TABLE (client_id uuid, waiting_since timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT a.client_id, a.created_at
      FROM alerts a
      JOIN clinics c ON c.id = a.clinic_id
     WHERE a.clinic_id = app_clinic_id()
       AND app_role() = 'admin'
       AND a.created_at <= now() - make_interval(hours => c.escalation_hours)
       AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id)
  $$;
--> statement-breakpoint

-- Consent does not carry over: when an assignment ends, the client's grants to that therapist
-- end with it, so a later assignment back to them starts from nothing shared.
CREATE FUNCTION assignments_end_revokes_consent() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    IF OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL THEN
      UPDATE consent_grants g SET revoked_at = now()
       WHERE g.client_id = NEW.client_id AND g.therapist_id = NEW.therapist_id
         AND g.clinic_id = NEW.clinic_id AND g.revoked_at IS NULL;
    END IF;
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER assignments_end_revokes_consent AFTER UPDATE OF ended_at ON assignments
  FOR EACH ROW EXECUTE FUNCTION assignments_end_revokes_consent();
--> statement-breakpoint

ALTER FUNCTION invitation_lookup(text) OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION invitation_accept(text, text, text, text) OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION admin_client_activity() OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION admin_waiting_alerts() OWNER TO tandem_definer;
--> statement-breakpoint
ALTER FUNCTION assignments_end_revokes_consent() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION invitation_lookup(text), invitation_accept(text, text, text, text),
  admin_client_activity(), admin_waiting_alerts(), assignments_end_revokes_consent() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION invitation_lookup(text), invitation_accept(text, text, text, text),
  admin_client_activity(), admin_waiting_alerts() TO tandem_app;
--> statement-breakpoint

-- What the definer role needs for these, and nothing more.
GRANT SELECT ON clinics, invitations, check_ins, measure_responses, measure_schedules, pauses,
  alerts, alert_acknowledgements TO tandem_definer;
--> statement-breakpoint
GRANT INSERT ON users, memberships, assignments, audit_events TO tandem_definer;
--> statement-breakpoint
GRANT UPDATE (accepted_at) ON invitations TO tandem_definer;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON consent_grants TO tandem_definer;
--> statement-breakpoint
CREATE POLICY definer_read ON clinics FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON invitations FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_accept ON invitations FOR UPDATE TO tandem_definer USING (true) WITH CHECK (accepted_at IS NOT NULL);
--> statement-breakpoint
CREATE POLICY definer_read ON check_ins FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON measure_responses FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON measure_schedules FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON pauses FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON alerts FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_read ON alert_acknowledgements FOR SELECT TO tandem_definer USING (true);
--> statement-breakpoint
CREATE POLICY definer_insert ON users FOR INSERT TO tandem_definer WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY definer_insert ON memberships FOR INSERT TO tandem_definer WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY definer_insert ON assignments FOR INSERT TO tandem_definer WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY definer_insert ON audit_events FOR INSERT TO tandem_definer WITH CHECK (action = 'invitation.accept');
--> statement-breakpoint
CREATE POLICY definer_revoke ON consent_grants FOR UPDATE TO tandem_definer USING (true) WITH CHECK (revoked_at IS NOT NULL);
