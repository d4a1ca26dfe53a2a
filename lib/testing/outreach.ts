import { recordMinute, sendAllDue } from '@/lib/dal/outreach-worker';

/**
 * One minute of outreach as the workers run it: the minute's job records what is due, then a
 * worker's sender sends it. Returns how many were sent.
 */
export async function runMinute({ at, now = at }: { at: Date; now?: Date }): Promise<number> {
  await recordMinute({ at, now });
  return sendAllDue({ now });
}
