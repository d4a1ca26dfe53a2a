// Runs once when the server starts: the server opens the database at once, so it owns the
// embedded data folder from the start and a second Tandem on the same folder refuses to run.
// On the embedded database the server also runs Tandem's background work (reminders,
// escalations, nightly insights): no other process may open that database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { openDatabaseForServer } = await import('./db/server-start');
  const isOpen = await openDatabaseForServer();
  if (isOpen) {
    const { startInlineBackgroundWork } = await import('./lib/dal/inline-worker');
    await startInlineBackgroundWork();
  }
}
