import { checkDatabaseHealth } from '@/lib/dal/health';
import { databaseKind } from '@/lib/env';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const health = await checkDatabaseHealth();
    if (!health.migration) {
      return Response.json({ status: 'error', database: health.database, reason: 'the database has not been migrated' }, { status: 503 });
    }
    return Response.json({ status: 'ok', database: health.database, migration: health.migration, queue: health.queue });
  } catch (error) {
    console.error('[health] database check failed:', (error as Error).message);
    return Response.json({ status: 'error', database: databaseKind, reason: 'the database cannot be reached' }, { status: 503 });
  }
}
