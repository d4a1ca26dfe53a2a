-- The safety net (issue 10): risk language stored as a category (never the words) wherever a
-- client writes free text, the clinic's stated response time for the crisis card, a phone number
-- to reach a client, and alerts that always have a human who can act on them.

CREATE TYPE "risk_category" AS ENUM ('wish_to_die', 'suicidal_thoughts', 'burden', 'hopelessness', 'plan_or_preparation', 'self_harm', 'overdose');
--> statement-breakpoint
CREATE TYPE "alert_source" AS ENUM ('measure', 'journal', 'check_in_note');
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "source" "alert_source";
--> statement-breakpoint
UPDATE "alerts" SET "source" = CASE WHEN "kind" = 'item9' THEN 'measure'::alert_source ELSE 'journal'::alert_source END;
--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "source" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "risk_category" "risk_category";
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_source_matches_kind" CHECK (("kind" = 'item9') = ("source" = 'measure'));
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "risk_category" "risk_category";
--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "risk_category" "risk_category";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "check_ins_client_risk" ON "check_ins" USING btree ("client_id") WHERE "risk_category" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "crisis_response_time" text DEFAULT 'within one working day' NOT NULL;
--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_crisis_response_time_present" CHECK (length(trim("crisis_response_time")) between 1 and 200);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_phone_format" CHECK ("phone" is null or "phone" ~ '^\+?[0-9(][0-9 ()./-]{5,29}$');
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "phone" text;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_phone_format" CHECK ("phone" is null or "phone" ~ '^\+?[0-9(][0-9 ()./-]{5,29}$');
--> statement-breakpoint

-- The invitation's phone number becomes the new account's; everything else as in 0002.
CREATE OR REPLACE FUNCTION invitation_accept(lookup_hash text, new_name text, new_password_hash text, new_time_zone text)
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
    INSERT INTO users (email, name, password_hash, time_zone, phone)
      VALUES (inv.email, new_name, new_password_hash, new_time_zone, inv.phone)
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

-- An unacknowledged alert whose recipient is no longer the client's active therapist (or that had
-- no recipient because nobody was assigned) is readdressed to the therapist assigned next, so the
-- event that raised it is never left with someone who cannot act on it.
CREATE FUNCTION assignments_start_readdresses_alerts() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    UPDATE alerts a SET therapist_id = NEW.therapist_id
     WHERE a.client_id = NEW.client_id
       AND a.clinic_id = NEW.clinic_id
       AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id)
       AND (a.therapist_id IS NULL OR NOT EXISTS (
             SELECT 1 FROM assignments s JOIN users u ON u.id = s.therapist_id
              WHERE s.client_id = a.client_id AND s.therapist_id = a.therapist_id
                AND s.ended_at IS NULL AND s.id <> NEW.id AND u.deactivated_at IS NULL));
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER assignments_start_readdresses_alerts AFTER INSERT ON assignments
  FOR EACH ROW EXECUTE FUNCTION assignments_start_readdresses_alerts();
--> statement-breakpoint
ALTER FUNCTION assignments_start_readdresses_alerts() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION assignments_start_readdresses_alerts() FROM PUBLIC;
--> statement-breakpoint
GRANT UPDATE (therapist_id) ON alerts TO tandem_definer;
--> statement-breakpoint
CREATE POLICY definer_readdress ON alerts FOR UPDATE TO tandem_definer USING (true) WITH CHECK (true);
--> statement-breakpoint

-- Clients with no active therapist (none assigned, or theirs deactivated) and their
-- unacknowledged urgent alerts: which client and since when, never what an alert says. The
-- clinic's admins are who acts on these until someone is assigned (DESIGN §9).
CREATE FUNCTION admin_clients_without_therapist()
  RETURNS TABLE (client_id uuid, open_alerts integer, oldest_open_alert timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT m.user_id,
           (SELECT count(*)::integer FROM alerts a
             WHERE a.client_id = m.user_id AND a.clinic_id = m.clinic_id
               AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id)),
           (SELECT min(a.created_at) FROM alerts a
             WHERE a.client_id = m.user_id AND a.clinic_id = m.clinic_id
               AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id))
      FROM memberships m
      JOIN users cu ON cu.id = m.user_id
     WHERE m.clinic_id = app_clinic_id()
       AND m.role = 'client'
       AND cu.deactivated_at IS NULL
       AND app_role() = 'admin'
       AND NOT EXISTS (SELECT 1 FROM assignments s JOIN users t ON t.id = s.therapist_id
                        WHERE s.client_id = m.user_id AND s.clinic_id = m.clinic_id
                          AND s.ended_at IS NULL AND t.deactivated_at IS NULL)
  $$;
--> statement-breakpoint
ALTER FUNCTION admin_clients_without_therapist() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION admin_clients_without_therapist() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION admin_clients_without_therapist() TO tandem_app;
