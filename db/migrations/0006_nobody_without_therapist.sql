-- Nobody is left without a therapist (issue 10): before a therapist is deactivated the admin sees
-- how many unacknowledged urgent alerts they hold, per client. Which client, to whom and since
-- when, never what an alert says (DESIGN §1, §7).

CREATE FUNCTION admin_open_alerts()
  RETURNS TABLE (client_id uuid, therapist_id uuid, open_alerts integer, oldest_open_alert timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT a.client_id, a.therapist_id, count(*)::integer, min(a.created_at)
      FROM alerts a
     WHERE a.clinic_id = app_clinic_id()
       AND app_role() = 'admin'
       AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id)
     GROUP BY a.client_id, a.therapist_id
  $$;
--> statement-breakpoint
ALTER FUNCTION admin_open_alerts() OWNER TO tandem_definer;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION admin_open_alerts() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION admin_open_alerts() TO tandem_app;
