import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import { env } from '@/lib/env';
import { getEmbeddedClient } from './index';

// The job queue (pg-boss) lives in the database Tandem already has, in its own schema
// "pgboss" (created by pg-boss on first start). On the embedded database its SQL runs through
// the server's own PGlite, which serializes it with every request's transaction; on PostgreSQL
// pg-boss keeps a small pool of its own.

export const QUEUE_SCHEMA = 'pgboss';

/** pg-boss's database executor over PGlite: statements with parameters go one at a time. */
function pgliteExecutor(client: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values);
      // pg-boss sends its schema changes as one multi-statement script without parameters.
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}

/** A pg-boss instance for this process's database (not yet started). */
export function createQueue(options: { supervise: boolean; schedule: boolean; poolSize?: number }): PgBoss {
  const embedded = getEmbeddedClient();
  // Maintenance (which also expires the job of a worker that died) every 10 s, so a minute
  // whose worker was killed is retried within about half a minute.
  const common = {
    schema: QUEUE_SCHEMA,
    migrate: true,
    supervise: options.supervise,
    schedule: options.schedule,
    maintenanceIntervalSeconds: 10,
  };
  const boss = embedded
    ? new PgBoss({ ...common, db: pgliteExecutor(embedded) })
    : new PgBoss({ ...common, connectionString: env.DATABASE_URL, max: options.poolSize ?? 4 });
  boss.on('error', (error: Error) => console.error('[queue]', error.message));
  return boss;
}
