-- Any other CSV through a mapping step (issue 16): check-ins imported from a CSV the client
-- mapped themself told apart from Daylio's and iMoodJournal's.

ALTER TYPE "check_in_source" ADD VALUE IF NOT EXISTS 'csv_import';
