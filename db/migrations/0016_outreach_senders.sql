-- Outreach at scale (issue 11). Every worker process polls for notifications to send each second:
-- this answers, before any clinic's context, which clinics have one due by `due_by` or held by a
-- sender whose claim lapsed (a worker that died mid-send). Clinic ids only, through the partial
-- index on unfinished notifications.
CREATE FUNCTION outreach_clinics_to_send(due_by timestamptz, lease_seconds integer) RETURNS TABLE (clinic_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT n.clinic_id FROM notifications n
     WHERE n.status IN ('pending', 'sending') AND n.due_at <= due_by
       AND (n.status = 'pending' OR n.claimed_at < clock_timestamp() - make_interval(secs => lease_seconds))
  $$;
--> statement-breakpoint
ALTER FUNCTION outreach_clinics_to_send(timestamptz, integer) OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION outreach_clinics_to_send(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION outreach_clinics_to_send(timestamptz, integer) TO tandem_worker;
--> statement-breakpoint
-- A minute's reminders are found by their local times (`checkin_times && <the minute's times in
-- every zone>`): a few thousand rows of a hundred thousand, read through this index instead of
-- reading every client's settings each minute.
CREATE INDEX "reminder_settings_times" ON "reminder_settings" USING gin ("checkin_times");
