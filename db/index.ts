import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Pool } from 'pg';
import { dataDir, databaseKind, env } from '@/lib/env';
import { acquireOwnerLock } from './owner-lock';
import * as schema from './schema';

export { schema, databaseKind };

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

type Handle = { db: Database; close: () => Promise<void>; pglite?: PGlite };

// One handle per process, kept on globalThis so Next's dev reloads reuse it.
const holder = globalThis as typeof globalThis & { __tandemDatabase?: Handle; __tandemReadDatabase?: Handle };

function openPostgres(url: string): Handle {
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', (error) => console.error('[db] idle connection error:', error.message));
  return { db: drizzleNodePg(pool, { schema }), close: () => pool.end() };
}

function openEmbedded(): Handle {
  if (!dataDir) {
    const client = new PGlite();
    return { db: drizzlePglite(client, { schema }), close: () => client.close(), pglite: client };
  }
  const release = acquireOwnerLock(dataDir);
  const client = new PGlite(path.join(dataDir, 'pglite'));
  return {
    db: drizzlePglite(client, { schema }),
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function getDatabase(): Database {
  holder.__tandemDatabase ??= env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openEmbedded();
  return holder.__tandemDatabase.db;
}

/**
 * The database for reads that may lag the primary by a replica's delay: DATABASE_READ_URL when it
 * is set, else the primary itself. Writes, and reads that must see the caller's own writes, use
 * `getDatabase()`.
 */
export function getReadDatabase(): Database {
  if (!env.DATABASE_READ_URL) return getDatabase();
  holder.__tandemReadDatabase ??= openPostgres(env.DATABASE_READ_URL);
  return holder.__tandemReadDatabase.db;
}

/** The embedded database itself (null on PostgreSQL): the job queue runs its SQL through it. */
export function getEmbeddedClient(): PGlite | null {
  getDatabase();
  return holder.__tandemDatabase?.pglite ?? null;
}

export async function closeDatabase(): Promise<void> {
  const handles = [holder.__tandemDatabase, holder.__tandemReadDatabase];
  holder.__tandemDatabase = undefined;
  holder.__tandemReadDatabase = undefined;
  for (const handle of handles) await handle?.close();
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
