import { sql } from 'drizzle-orm';
import { DataDirInUseError } from './owner-lock';
import { closeDatabase, databaseKind, getDatabase } from './index';

/** Opens the database for the server; false when it cannot be reached yet. */
export async function openDatabaseForServer(): Promise<boolean> {
  try {
    await getDatabase().execute(sql`select 1`);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    // Postgres may come up later: /api/health reports it until then.
    console.error(`[db] the ${databaseKind} database is not reachable yet: ${(error as Error).message}`);
    return false;
  }
  const close = () => {
    void closeDatabase().finally(() => process.exit(0));
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  return true;
}
