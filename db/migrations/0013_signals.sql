-- Caseload facts for the admin, as dates only (never values or answers). The rules that turn them
-- into "not logging" and "overdue" live once, in lib/insights/definitions.ts, shared with the
-- therapist's caseload and the insight engine; this function only supplies the dates, in the
-- client's own calendar (the same calendar the therapist's caseload counts in).

DROP FUNCTION admin_client_activity();
--> statement-breakpoint
CREATE FUNCTION admin_client_activity()
  RETURNS TABLE (client_id uuid, today date, joined_on date, last_check_in_on date,
                 phq9_last_on date, gad7_last_on date, phq9_cadence integer, gad7_cadence integer,
                 is_paused boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT m.user_id,
           (now() AT TIME ZONE u.time_zone)::date,
           (m.created_at AT TIME ZONE u.time_zone)::date,
           (SELECT max(ci.local_date) FROM check_ins ci
             WHERE ci.client_id = m.user_id AND ci.clinic_id = m.clinic_id),
           (SELECT max((r.completed_at AT TIME ZONE u.time_zone)::date) FROM measure_responses r
             WHERE r.client_id = m.user_id AND r.clinic_id = m.clinic_id AND r.instrument = 'phq9'),
           (SELECT max((r.completed_at AT TIME ZONE u.time_zone)::date) FROM measure_responses r
             WHERE r.client_id = m.user_id AND r.clinic_id = m.clinic_id AND r.instrument = 'gad7'),
           -- The therapist's cadence for the client, else the clinic's.
           coalesce((SELECT s.cadence_days FROM measure_schedules s
                      WHERE s.client_id = m.user_id AND s.clinic_id = m.clinic_id AND s.instrument = 'phq9'),
                    c.measure_cadence_days),
           coalesce((SELECT s.cadence_days FROM measure_schedules s
                      WHERE s.client_id = m.user_id AND s.clinic_id = m.clinic_id AND s.instrument = 'gad7'),
                    c.measure_cadence_days),
           EXISTS (SELECT 1 FROM pauses p
                    WHERE p.client_id = m.user_id AND p.clinic_id = m.clinic_id AND p.cancelled_at IS NULL
                      AND (now() AT TIME ZONE u.time_zone)::date BETWEEN p.starts_on AND p.ends_on)
      FROM memberships m
      JOIN clinics c ON c.id = m.clinic_id
      JOIN users u ON u.id = m.user_id
     WHERE m.clinic_id = app_clinic_id()
       AND m.role = 'client'
       AND app_role() = 'admin'
  $$;
--> statement-breakpoint
ALTER FUNCTION admin_client_activity() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION admin_client_activity() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION admin_client_activity() TO tandem_app;
