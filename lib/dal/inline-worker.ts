import 'server-only';
import { databaseKind } from '@/db';
import { env } from '@/lib/env';
import { runsWorkerInServer, startBackgroundWork } from './background';

/**
 * The server's own worker (embedded database, or TANDEM_INLINE_WORKER=on). A queue that cannot
 * start is logged, not fatal: pages keep working and /api/health reports the queue lagging.
 */
export async function startInlineBackgroundWork(): Promise<void> {
  if (!runsWorkerInServer(databaseKind, env.TANDEM_INLINE_WORKER)) return;
  try {
    const work = await startBackgroundWork();
    console.log('[queue] background work runs in this server process');
    // Stop taking jobs before the database closes (db/server-start closes it on the same signals).
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.prependOnceListener(signal, () => void work.stop());
  } catch (error) {
    console.error('[queue] background work could not start:', (error as Error).message);
  }
}
