import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db';
import { TandemError } from '@/lib/errors';
import { withActor, type Actor } from './context';

// "Repeated": three or more failures on one account within the last 24 hours.
export const REPEATED_FAILURES = 3;

export type RepeatedFailures = {
  userId: string;
  name: string;
  email: string;
  failures: number;
  sources: number;
  lastAt: Date;
  isThrottled: boolean;
};

type Row = { user_id: string; name: string; email: string; failures: number; sources: number; last_at: Date | string; throttled: number };

/** The clinic's accounts with repeated failed sign-ins in the last day, most failures first. Admins only. */
export async function listRepeatedSignInFailures({ actor }: { actor: Actor }): Promise<RepeatedFailures[]> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const rows = await queryRows<Row>(
      tx,
      sql`select f.user_id, u.name, u.email, count(*)::int as failures, count(distinct f.source)::int as sources,
                 max(f.occurred_at) as last_at, count(*) filter (where f.reason = 'throttled')::int as throttled
            from sign_in_failures f
            join users u on u.id = f.user_id
           where f.occurred_at > now() - interval '24 hours'
           group by f.user_id, u.name, u.email
          having count(*) >= ${REPEATED_FAILURES}
           order by failures desc, last_at desc
           limit 50`,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      failures: r.failures,
      sources: r.sources,
      lastAt: new Date(r.last_at),
      isThrottled: r.throttled > 0,
    }));
  });
}
