import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import journal from './migrations/meta/_journal.json';
import { databaseKind, queryRows, type Database, type Transaction } from './index';
import type * as schema from './schema';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export const latestMigrationId = journal.entries.at(-1)?.tag ?? 'none';

/** Applies every migration not yet applied; safe to run again. */
export async function migrateDatabase(db: Database): Promise<void> {
  if (databaseKind === 'postgres') {
    await migrateNodePg(db as NodePgDatabase<typeof schema>, { migrationsFolder });
  } else {
    await migratePglite(db as PgliteDatabase<typeof schema>, { migrationsFolder });
  }
}

/** The id (journal tag) of the newest migration applied to this database, or null if none. */
export async function appliedMigrationId(db: Database | Transaction): Promise<string | null> {
  const [applied] = await queryRows<{ created_at: string }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!applied) return null;
  return journal.entries.find((e) => e.when === Number(applied.created_at))?.tag ?? null;
}
