import 'server-only';
import { sql } from 'drizzle-orm';
import { databaseKind, queryRows } from '@/db';
import { appliedMigrationId } from '@/db/migrate';
import { withoutActor } from './context';

/** Background work more than this far behind counts as lagging (a minute's dispatch plus slack). */
export const QUEUE_LAG_SECONDS = 120;

export type QueueHealth = { state: 'ok' | 'lagging'; oldestDueSeconds: number };
export type DatabaseHealth = { database: 'embedded' | 'postgres'; migration: string | null; queue: QueueHealth | null };

/** Reaches the database as the app role, reads the newest applied migration and how far behind background work is. */
export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  return withoutActor(async (tx) => {
    const migration = await appliedMigrationId(tx);
    if (!migration) return { database: databaseKind, migration, queue: null };
    const [lag] = await queryRows<{ seconds: number }>(tx, sql`select outreach_queue_lag() as seconds`);
    const seconds = Number(lag?.seconds ?? 0);
    return {
      database: databaseKind,
      migration,
      queue: { state: seconds > QUEUE_LAG_SECONDS ? 'lagging' : 'ok', oldestDueSeconds: seconds },
    };
  });
}
