import { asc, eq, sql } from 'drizzle-orm';
import { PgDatabase, PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { schema } from '@/db';
import { addAlert, addCheckIn, addMeasureResponse, addSignedNote, createClinicWithClient, grant } from '@/lib/testing/factories';
import { addInsight } from '@/lib/testing/factories-workspace';
import { withActor } from './context';
import {
  alertsRead,
  checkInsRead,
  clientAlertRows,
  clientCheckInRows,
  clientInsightRows,
  clientMeasureRows,
  clientSessionRows,
  clinicRead,
  clinicReliableChange,
  insightsRead,
  measuresRead,
  prefetchSharedReads,
  sessionsRead,
  shareReadsIn,
} from './shared-reads';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;

beforeEach(async () => {
  w = await createClinicWithClient();
  await grant(w.client, w.therapist, 'measures');
  await grant(w.client, w.therapist, 'checkins');
});

const dialect = new PgDialect();

/** Counts the statements that read rows as JSON (the shared reads) run from now on. */
function countReads(): () => number {
  const execute = vi.spyOn(PgDatabase.prototype, 'execute');
  return () => execute.mock.calls.filter(([query]) => dialect.sqlToQuery(query as SQL).sql.includes('json_')).length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const access = { self: false as const, sharing: ['checkins' as const, 'measures' as const] };

describe('reads the client page shares', () => {
  it('run once in a transaction marked for sharing, and each time in any other', async () => {
    await withActor(w.therapist, async (tx) => {
      const runs = countReads();
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
    const runs = countReads();
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

  it('run together in one statement when prefetched, and give the parts the rows each would read alone', async () => {
    const id = w.client.userId;
    await addCheckIn(w.client, '2026-09-20', 4);
    await addMeasureResponse(w.client, 'phq9', [1, 2, 3, 0, 0, 1, 2, 0, 1], '2026-09-21');
    await addSignedNote(w.client, w.therapist, '2026-09-22');
    await addAlert(w.client, w.therapist, 3);
    await addInsight(w.client, { kind: 'decline', scope: 'checkins', windowStart: '2026-09-01', windowEnd: '2026-09-30' });
    const readAll = (tx: Parameters<Parameters<typeof withActor>[1]>[0]) =>
      Promise.all([
        clientCheckInRows(tx, id, '2026-09-01'),
        clientMeasureRows(tx, id),
        clientInsightRows(tx, id, access),
        clientSessionRows(tx, id),
        clientAlertRows(tx, id),
        clinicReliableChange(tx, w.clinicId),
      ]);
    const alone = await withActor(w.therapist, readAll);
    const runs = countReads();
    const together = await withActor(w.therapist, async (tx) => {
      shareReadsIn(tx);
      await prefetchSharedReads(tx, [
        checkInsRead(id, '2026-08-01'),
        measuresRead(id),
        insightsRead(id, access),
        sessionsRead(id),
        alertsRead(id),
        clinicRead(w.clinicId),
      ]);
      return readAll(tx);
    });
    expect(runs()).toBe(1);
    expect(together).toEqual(alone);
    expect(alone.every((rows) => rows !== undefined && (!Array.isArray(rows) || rows.length > 0))).toBe(true);
  });

  it('fail together when their one statement fails, with no read left unhandled', async () => {
    const id = w.client.userId;
    const broken = { key: 'broken', json: sql`(select 1 / 0)`, decode: (value: unknown) => value };
    await expect(
      withActor(w.therapist, async (tx) => {
        shareReadsIn(tx);
        await prefetchSharedReads(tx, [measuresRead(id), broken, sessionsRead(id)]);
      }),
    ).rejects.toThrow();
  });

  it('give the same values and types as a plain select of the same columns', async () => {
    const id = w.client.userId;
    await addAlert(w.client, w.therapist, 5);
    await addMeasureResponse(w.client, 'gad7', [3, 2, 1, 0, 1, 2, 3], '2026-09-21');
    await withActor(w.therapist, async (tx) => {
      const a = schema.alerts;
      const plainAlerts = await tx
        .select({ kind: a.kind, source: a.source, answer: a.answer, createdAt: a.createdAt })
        .from(a)
        .where(eq(a.clientId, id))
        .orderBy(asc(a.createdAt));
      const alerts = await clientAlertRows(tx, id);
      expect(alerts).toEqual(plainAlerts);
      expect(alerts[0]?.createdAt).toBeInstanceOf(Date);

      const m = schema.measureResponses;
      const plainMeasures = await tx
        .select({ id: m.id, instrument: m.instrument, items: m.items, difficulty: m.difficulty, localDate: m.localDate })
        .from(m)
        .where(eq(m.clientId, id))
        .orderBy(asc(m.completedAt));
      expect(await clientMeasureRows(tx, id)).toEqual(plainMeasures);
      expect(await clinicReliableChange(tx, w.clinicId)).toEqual({ phq9: 6, gad7: 4 });
    });
  });
});
