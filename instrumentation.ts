// Runs once when the server starts: the server opens the database at once, so it owns the
// embedded data folder from the start and a second Tandem on the same folder refuses to run.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { openDatabaseForServer } = await import('./db/server-start');
  await openDatabaseForServer();
}
