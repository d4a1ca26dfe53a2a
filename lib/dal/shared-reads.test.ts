import { PgSelectBase } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCheckIn, createClinicWithClient, grant } from '@/lib/testing/factories';
import { withActor } from './context';
import { clientCheckInRows, clientMeasureRows, shareReadsIn } from './shared-reads';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;

beforeEach(async () => {
  w = await createClinicWithClient();
  await grant(w.client, w.therapist, 'measures');
  await grant(w.client, w.therapist, 'checkins');
});

/** Counts the select queries drizzle runs from now on (a query runs each time it is awaited). */
function countQueries(): () => number {
  const then = vi.spyOn(PgSelectBase.prototype, 'then');
  return () => then.mock.calls.length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reads the client page shares', () => {
  it('run once in a transaction marked for sharing, and each time in any other', async () => {
    await withActor(w.therapist, async (tx) => {
      const runs = countQueries();
      await clientMeasureRows(tx, w.client.userId);
      await clientMeasureRows(tx, w.client.userId);
      expect(runs()).toBe(2);

      shareReadsIn(tx);
      const shared = clientMeasureRows(tx, w.client.userId);
      expect(clientMeasureRows(tx, w.client.userId)).toBe(shared);
      await shared;
      await clientMeasureRows(tx, w.client.userId);
      expect(runs()).toBe(3);
    });
  });

  it('answer a check-in read from a later day out of an earlier, wider one, and read again for an earlier day', async () => {
    for (const day of ['2026-09-01', '2026-09-20', '2026-10-02']) await addCheckIn(w.client, day, 6);
    const id = w.client.userId;
    const all = await withActor(w.therapist, async (tx) => (await clientCheckInRows(tx, id, null)).map((r) => r.localDate));
    expect(all.length).toBeGreaterThan(3);
    const from = (since: string) => all.filter((d) => d >= since);
    const runs = countQueries();
    await withActor(w.therapist, async (tx) => {
      shareReadsIn(tx);
      const dates = async (since: string | null) => (await clientCheckInRows(tx, id, since)).map((r) => r.localDate);
      expect(await dates('2026-09-15')).toEqual(from('2026-09-15'));
      expect(await dates('2026-10-01')).toEqual(from('2026-10-01'));
      expect(runs()).toBe(1);
      // Further back than anything read: a read of its own, which later reads then share.
      expect(await dates(null)).toEqual(all);
      expect(await dates('2026-09-01')).toEqual(from('2026-09-01'));
      expect(runs()).toBe(2);
    });
    await withActor(w.therapist, async (tx) => {
      await clientCheckInRows(tx, id, '2026-09-15');
      await clientCheckInRows(tx, id, '2026-10-01');
      expect(runs()).toBe(4);
    });
  });
});
