-- Who may read a person's row (users) and their membership (memberships), with the cheap
-- answers asked first. The set is unchanged: app_visible_users() already holds the reader
-- (array_append(…, app_user_id())) and, for a therapist, their assigned clients
-- (… || app_assigned_clients()); app_assigned_clients() is empty for anyone but a therapist.
-- PostgreSQL evaluates an InitPlan the first time its value is needed, and OR stops at the first
-- true arm: so the session check on every page (the reader's own row) no longer builds the
-- clinic's staff list, and rows of the therapist's own clients (the alerts banner, the client
-- page's name) need only the assigned list. On the bench clinic (2,000 clients, 150 a
-- therapist), as tandem_app, warm: the session check's statement 1.65 → 0.05 ms, the alerts
-- banner's 1.1 → 0.5 ms.
ALTER POLICY visible_read ON users
  USING (id = (SELECT app_user_id())
         OR id = ANY ((SELECT app_assigned_clients())::uuid[])
         OR id = ANY ((SELECT app_visible_users())::uuid[]));
--> statement-breakpoint
ALTER POLICY member_read ON memberships
  USING (user_id = (SELECT app_user_id())
         OR user_id = ANY ((SELECT app_assigned_clients())::uuid[])
         OR user_id = ANY ((SELECT app_visible_users())::uuid[]));
