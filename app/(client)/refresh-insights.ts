import { after } from 'next/server';
import { recomputeClientInsightsAfterWrite } from '@/lib/dal/insights';
import { scheduleNudge } from '@/lib/dal/outreach-worker';
import type { Actor } from '@/lib/dal/context';

/**
 * After a client's data changes, their insights are recomputed once the response has been
 * sent (50–130 ms on a year of data: `npm run bench:recompute`), so saving never waits for it.
 * Urgent alerts do not depend on this: they are written in the same transaction as the answer.
 */
export function refreshInsightsAfterResponse(client: Actor): void {
  after(() => recomputeClientInsightsAfterWrite({ clinicId: client.clinicId, clientId: client.userId }));
}

/**
 * After a new check-in: a later self-care nudge if the client turned nudges on and the day sits
 * well below their own usual level (at most one a day; sent by the background worker).
 */
export function scheduleNudgeAfterResponse(client: Actor): void {
  const checkedInAt = new Date();
  after(() =>
    scheduleNudge({ clinicId: client.clinicId, clientId: client.userId, checkedInAt }).catch((error: unknown) => {
      console.error(
        `[outreach] could not schedule a nudge for client ${client.userId} (${error instanceof Error ? error.name : 'unknown'})`,
      );
    }),
  );
}
