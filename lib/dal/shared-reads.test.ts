import { PgSelectBase } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClinicWithClient, grant } from '@/lib/testing/factories';
import { withActor } from './context';
import { clientMeasureRows, shareReadsIn } from './shared-reads';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;

beforeEach(async () => {
  w = await createClinicWithClient();
  await grant(w.client, w.therapist, 'measures');
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
});
