import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, type Transaction } from '@/db';
import type { Role } from '@/lib/auth/roles';
import { flushAudits, takeDenials } from './audit';

/** Who is acting: derived on the server from a verified session, never from the request. */
export type Actor = { userId: string; clinicId: string; role: Role };
/** What the database policies see: the person and their clinic (they look up the role). */
export type ActorContext = Pick<Actor, 'userId' | 'clinicId'>;

const contextIds = z.object({ userId: z.uuid(), clinicId: z.uuid() });

/**
 * Runs `work` in one transaction as the row-level-security role `tandem_app`, with the actor's
 * user and clinic set for the policies. `set_config(..., true)` is local to the transaction, so
 * nothing carries over to the next use of a pooled connection. The audit events `work` records
 * are written last, just before commit: the clinic's audit chain is locked from the first
 * event's insert until commit, so writing them last keeps other requests' waits short. If `work`
 * throws, everything rolls back except the denials it recorded, written in a transaction of
 * their own.
 *
 * JIT compilation is off: request queries are short, and compiling the caseload's plan cost
 * more (about 80 ms) than running it (`npm run bench`).
 */
export async function withActor<T>(actor: ActorContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const { userId, clinicId } = contextIds.parse(actor);
  const setContext = (tx: Transaction) =>
    tx.execute(
      sql`select set_config('role', 'tandem_app', true),
                 set_config('app.user_id', ${userId}, true),
                 set_config('app.clinic_id', ${clinicId}, true),
                 set_config('jit', 'off', true)`,
    );
  let denials: ReturnType<typeof takeDenials> = [];
  try {
    return await getDatabase().transaction(async (tx) => {
      await setContext(tx);
      try {
        const result = await work(tx);
        await flushAudits(tx);
        return result;
      } catch (error) {
        denials = takeDenials(tx);
        throw error;
      }
    });
  } catch (error) {
    // The work rolled back, but a refused attempt stays on record: its denials commit on their own.
    if (denials.length > 0) {
      const refused = denials;
      await getDatabase()
        .transaction(async (tx) => {
          await setContext(tx);
          await flushAudits(tx, refused);
        })
        .catch((auditError: unknown) => console.error('[tandem] a denial could not be audited:', auditError instanceof Error ? auditError.message : auditError));
    }
    throw error;
  }
}

/** Background work for one clinic (insight recompute, escalations), as `tandem_worker`. */
export async function withClinicWorker<T>(clinicId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const id = z.uuid().parse(clinicId);
  return getDatabase().transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'tandem_worker', true), set_config('app.clinic_id', ${id}, true), set_config('jit', 'off', true)`,
    );
    const result = await work(tx);
    await flushAudits(tx);
    return result;
  });
}

/** Work with no person's context: only what the app role may do before sign-in. */
export async function withoutActor<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return getDatabase().transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'tandem_app', true)`);
    const result = await work(tx);
    await flushAudits(tx);
    return result;
  });
}
