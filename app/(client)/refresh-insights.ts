import { after } from 'next/server';
import { recomputeClientInsightsAfterWrite } from '@/lib/dal/insights';
import type { Actor } from '@/lib/dal/context';

/**
 * After a client's data changes, their insights are recomputed once the response has been
 * sent (50–130 ms on a year of data: `npm run bench:recompute`), so saving never waits for it.
 * Urgent alerts do not depend on this: they are written in the same transaction as the answer.
 */
export function refreshInsightsAfterResponse(client: Actor): void {
  after(() => recomputeClientInsightsAfterWrite({ clinicId: client.clinicId, clientId: client.userId }));
}
