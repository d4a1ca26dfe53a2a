import 'server-only';
import { databaseKind } from '@/db';
import { appliedMigrationId } from '@/db/migrate';
import { withoutActor } from './context';

export type DatabaseHealth = { database: 'embedded' | 'postgres'; migration: string | null };

/** Reaches the database as the app role and reads the newest applied migration. */
export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const migration = await withoutActor((tx) => appliedMigrationId(tx));
  return { database: databaseKind, migration };
}
