import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { getDatabase, getReadDatabase, type Database, type Transaction } from '@/db';
import type { Role } from '@/lib/auth/roles';
import { flushAudits, moveAudits, takeDenials } from './audit';

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
  const setContext = (tx: Transaction) => actAs(tx, userId, clinicId);
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
        .catch((auditError: unknown) =>
          console.error('[tandem] a denial could not be audited:', auditError instanceof Error ? auditError.message : auditError),
        );
    }
    throw error;
  }
}

/** The statement that makes a transaction act as this person for the policies (also what `npm run bench:caseload-parts` runs). */
export function actorContextStatement(userId: string, clinicId: string): SQL {
  return sql`select set_config('role', 'tandem_app', true),
                    set_config('app.user_id', ${userId}, true),
                    set_config('app.clinic_id', ${clinicId}, true),
                    set_config('jit', 'off', true)`;
}

async function actAs(tx: Transaction, userId: string, clinicId: string): Promise<void> {
  await tx.execute(actorContextStatement(userId, clinicId));
}

/**
 * A dashboard's read, which may lag the primary by a replica's delay: `work` runs in a read-only
 * transaction on DATABASE_READ_URL (as `withActor`, same policies), then the audit events it
 * recorded are written on the primary before anything is returned, so no read goes unaudited.
 * Without DATABASE_READ_URL this is `withActor`. Never for a page that must show the caller's own
 * writes or for anything about risk (alerts read the primary).
 */
export async function withActorReading<T>(actor: ActorContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const replica = getReadDatabase();
  return replica === getDatabase() ? withActor(actor, work) : readThenAudit(replica, actor, work);
}

/** The replica path of `withActorReading`, with the read database passed in (tests give it one). */
export async function readThenAudit<T>(replica: Database, actor: ActorContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const { userId, clinicId } = contextIds.parse(actor);
  let read: Transaction | undefined;
  let result: T;
  try {
    result = await replica.transaction(async (tx) => {
      await tx.execute(sql`set transaction read only`);
      await actAs(tx, userId, clinicId);
      read = tx;
      return work(tx);
    });
  } catch (error) {
    // As in withActor: a refused read stays on record even though the work threw.
    const refused = read ? takeDenials(read) : [];
    if (refused.length > 0) await withActor(actor, (tx) => flushAudits(tx, refused));
    throw error;
  }
  await withActor(actor, async (tx) => {
    if (read) moveAudits(read, tx);
  });
  return result;
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
