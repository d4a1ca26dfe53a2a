-- Hardening (issue 14): the database no longer trusts the app role with audit authorship, the
-- time of a consent revocation or a clinic it does not belong to.

-- A revocation is stamped by the database: request code cannot backdate (or postdate) it. The demo
-- seed, run by the owner, still writes past revocations.
CREATE FUNCTION consent_grants_revoked_now() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_user IN ('tandem_app', 'tandem_worker') AND NEW.revoked_at IS NOT NULL
       AND (TG_OP = 'INSERT' OR OLD.revoked_at IS NULL) THEN
      NEW.revoked_at := now();
    END IF;
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER consent_grants_revoked_now BEFORE INSERT OR UPDATE OF revoked_at ON consent_grants
  FOR EACH ROW EXECUTE FUNCTION consent_grants_revoked_now();
--> statement-breakpoint

-- A clinic's row is readable only by its active members (a forged app.clinic_id reads nothing).
DROP POLICY clinic_read ON clinics;
--> statement-breakpoint
CREATE POLICY member_read ON clinics FOR SELECT TO tandem_app USING ((SELECT app_role()) IS NOT NULL);
--> statement-breakpoint

-- Audit events are written only through record_audit_events, which takes the clinic, the person
-- and their role from the transaction's context: the app cannot write an event in another
-- person's name or clinic. The worker acts for a clinic, never for a person.
REVOKE INSERT ON audit_events FROM tandem_app, tandem_worker;
--> statement-breakpoint
DROP POLICY actor_insert ON audit_events;
--> statement-breakpoint
DROP POLICY worker_insert ON audit_events;
--> statement-breakpoint
-- The definer (owner of record_audit_events and invitation_accept) now writes every event.
ALTER POLICY definer_insert ON audit_events WITH CHECK (true);
--> statement-breakpoint
CREATE FUNCTION record_audit_events(claimed_actor uuid, events jsonb)
  RETURNS TABLE (head_seq bigint, head_hash text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    clinic uuid := app_clinic_id();
    actor uuid := CASE WHEN current_setting('role', true) = 'tandem_worker' THEN NULL ELSE app_user_id() END;
    actor_role role := CASE WHEN actor IS NULL THEN NULL ELSE app_role() END;
    e jsonb;
    inserted audit_events;
  BEGIN
    IF clinic IS NULL THEN
      RAISE EXCEPTION 'audit events need a clinic in the transaction context' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF claimed_actor IS DISTINCT FROM actor THEN
      RAISE EXCEPTION 'an audit event is recorded only in the name of the person acting' USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(events) WITH ORDINALITY AS x(value, n) ORDER BY n LOOP
      INSERT INTO audit_events (clinic_id, actor_id, actor_role, action, subject_type, subject_id, subject_client_id, outcome)
      VALUES (clinic, actor, actor_role, e->>'action', e->>'subjectType', (e->>'subjectId')::uuid,
              (e->>'subjectClientId')::uuid, coalesce(e->>'outcome', 'allowed')::audit_outcome)
      RETURNING * INTO inserted;
    END LOOP;
    IF inserted.id IS NOT NULL THEN
      head_seq := inserted.seq;
      head_hash := inserted.hash;
      RETURN NEXT;
    END IF;
  END
  $$;
--> statement-breakpoint
ALTER FUNCTION record_audit_events(uuid, jsonb) OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION record_audit_events(uuid, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION record_audit_events(uuid, jsonb) TO tandem_app, tandem_worker;
--> statement-breakpoint

-- Signed checkpoints of each clinic's audit chain: the head's seq and hash at a moment, with an
-- HMAC made by the server with TANDEM_AUDIT_KEY, which the database never holds. Verification
-- compares the chain with them (and with a copy kept outside the database), so deleting the
-- newest events or re-hashing the chain after an edit is found.
CREATE TABLE audit_checkpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id uuid NOT NULL REFERENCES clinics(id) ON DELETE CASCADE,
  head_seq bigint NOT NULL,
  head_hash text NOT NULL,
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  mac text NOT NULL
);
--> statement-breakpoint
CREATE INDEX audit_checkpoints_clinic_seq ON audit_checkpoints (clinic_id, head_seq);
--> statement-breakpoint
ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON audit_checkpoints TO tandem_app, tandem_worker, tandem_definer;
--> statement-breakpoint
GRANT INSERT ON audit_checkpoints TO tandem_definer;
--> statement-breakpoint
CREATE POLICY same_clinic ON audit_checkpoints AS RESTRICTIVE TO tandem_app, tandem_worker
  USING (clinic_id = (SELECT app_clinic_id())) WITH CHECK (clinic_id = (SELECT app_clinic_id()));
--> statement-breakpoint
CREATE POLICY admin_read ON audit_checkpoints FOR SELECT TO tandem_app USING ((SELECT app_role()) = 'admin');
--> statement-breakpoint
CREATE POLICY worker_read ON audit_checkpoints FOR SELECT TO tandem_worker USING (true);
--> statement-breakpoint
CREATE POLICY definer_all ON audit_checkpoints FOR ALL TO tandem_definer USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Anyone who records events may record a checkpoint of their clinic's chain, but only of an event
-- that is there with that hash: a checkpoint can vouch only for what the chain holds.
CREATE FUNCTION record_audit_checkpoint(p_head_seq bigint, p_head_hash text, p_signed_at timestamptz, p_key_id text, p_mac text)
  RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    clinic uuid := app_clinic_id();
  BEGIN
    IF clinic IS NULL OR NOT EXISTS (
      SELECT 1 FROM audit_events WHERE clinic_id = clinic AND seq = p_head_seq AND hash = p_head_hash
    ) THEN
      RAISE EXCEPTION 'a checkpoint must name an event of this clinic''s chain' USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO audit_checkpoints (clinic_id, head_seq, head_hash, signed_at, key_id, mac)
    VALUES (clinic, p_head_seq, p_head_hash, p_signed_at, p_key_id, p_mac);
  END
  $$;
--> statement-breakpoint
ALTER FUNCTION record_audit_checkpoint(bigint, text, timestamptz, text, text) OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION record_audit_checkpoint(bigint, text, timestamptz, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION record_audit_checkpoint(bigint, text, timestamptz, text, text) TO tandem_app, tandem_worker;
