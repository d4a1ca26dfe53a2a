import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addDays } from '@/lib/dates';
import { addCheckIn, addCheckIns, addMeasureResponse, createClinic, createPerson } from '@/lib/testing/factories';
import type { Actor } from './context';
import {
  listStoredInsights,
  recomputeClientInsights,
  recomputeClientInsightsAfterWrite,
  recomputeClinicInsights,
  scopeOfInsight,
} from './insights';

// A fixed, deterministic wobble so the histories look like real 1–10 answers without randomness.
const wobble = [0, 1, -1, 0, 1, -1, 0, 0, 1, -1, 1, 0, -1, 0, 0, 1, -1];
const days = (start: string, n: number, level: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => ({ localDate: addDays(start, i), mood: level + (wobble[(i + offset) % wobble.length] ?? 0) }));

type Row = { id: string; key: string; status: string; review_state: string; updated_at: string; detected_at: string };
const storedRows = (clientId: string) =>
  queryRows<Row>(
    getDatabase(),
    sql`select id, key, status::text, review_state::text, detected_at::text, updated_at::text from insights where client_id = ${clientId} order by key`,
  );

let clinicId: string;
beforeAll(async () => {
  clinicId = await createClinic('Insights clinic');
});

describe('recomputeClientInsights', () => {
  let client: Actor;
  beforeAll(async () => {
    client = await createPerson(clinicId, 'client');
    // Ten weeks around 7, then a drop to around 4 from 10 Oct.
    await addCheckIns(client, [...days('2026-08-01', 70, 7), ...days('2026-10-10', 19, 4, 3)]);
  });

  it('stores what the engine finds, and a rerun changes nothing: same rows, same ids, same count', async () => {
    const first = await recomputeClientInsights({ clinicId, clientId: client.userId, asOf: '2026-10-28' });
    expect(first).toMatchObject({ asOf: '2026-10-28', closed: 0 });
    expect(first.opened).toBe(first.current);
    const rows = await storedRows(client.userId);
    expect(rows.map((r) => r.key)).toContain('shift:2026-10-10');
    expect(rows.every((r) => r.status === 'open')).toBe(true);

    const again = await recomputeClientInsights({ clinicId, clientId: client.userId, asOf: '2026-10-28' });
    expect(again).toMatchObject({ current: first.current, opened: 0, updated: first.current, closed: 0 });
    const rerun = await storedRows(client.userId);
    expect(rerun.map(({ id, key, status, detected_at }) => ({ id, key, status, detected_at }))).toEqual(
      rows.map(({ id, key, status, detected_at }) => ({ id, key, status, detected_at })),
    );
  });

  it('updates the stored insight after a new check-in instead of adding a second one, and keeps its review', async () => {
    await getDatabase().execute(
      sql`update insights set review_state = 'accepted' where client_id = ${client.userId} and key = 'shift:2026-10-10'`,
    );
    const before = await storedRows(client.userId);
    await addCheckIn(client, '2026-10-29', 3);
    const result = await recomputeClientInsights({ clinicId, clientId: client.userId, asOf: '2026-10-29' });
    expect(result.opened).toBe(0);
    const after = await storedRows(client.userId);
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key));
    const shift = after.find((r) => r.key === 'shift:2026-10-10');
    expect(shift).toMatchObject({ id: before.find((r) => r.key === 'shift:2026-10-10')?.id, status: 'open', review_state: 'accepted' });
    const [window] = await queryRows<{ window_end: string }>(
      getDatabase(),
      sql`select window_end::text from insights where client_id = ${client.userId} and key = 'shift:2026-10-10'`,
    );
    expect(window?.window_end).toBe('2026-10-29');
  });

  it('closes an insight whose pattern has resolved, and reopens nothing else', async () => {
    const quiet = await createPerson(clinicId, 'client');
    await addCheckIns(quiet, days('2026-08-01', 70, 6));
    const gap = await recomputeClientInsights({ clinicId, clientId: quiet.userId, asOf: '2026-10-25' });
    expect(gap.current).toBe(1);
    expect(await listStoredInsights({ clinicId, clientId: quiet.userId })).toMatchObject([
      { key: 'disengagement:checkins:2026-10-09', kind: 'disengagement', scope: 'checkins', status: 'open', severity: 'attention' },
    ]);

    await addCheckIn(quiet, '2026-10-25', 6);
    const back = await recomputeClientInsights({ clinicId, clientId: quiet.userId, asOf: '2026-10-25' });
    expect(back).toMatchObject({ current: 0, closed: 1 });
    const [row] = await queryRows<{ status: string; closed: boolean }>(
      getDatabase(),
      sql`select status::text, closed_at is not null as closed from insights where client_id = ${quiet.userId}`,
    );
    expect(row).toEqual({ status: 'closed', closed: true });
    expect(await recomputeClientInsights({ clinicId, clientId: quiet.userId, asOf: '2026-10-25' })).toMatchObject({
      current: 0,
      closed: 0,
    });
  });

  it('files each insight under the consent it rests on: risk for item 9, measures for questionnaires', async () => {
    const person = await createPerson(clinicId, 'client');
    await addMeasureResponse(person, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-09-01');
    await addMeasureResponse(person, 'phq9', [3, 3, 2, 2, 2, 2, 2, 2, 1], '2026-10-01');
    await recomputeClientInsights({ clinicId, clientId: person.userId, asOf: '2026-10-02' });
    const stored = await listStoredInsights({ clinicId, clientId: person.userId });
    expect(stored.find((s) => s.kind === 'item9')).toMatchObject({ scope: 'risk', severity: 'urgent' });
    expect(stored.filter((s) => s.kind !== 'item9').length).toBeGreaterThan(0);
    for (const s of stored.filter((x) => x.kind !== 'item9')) expect(s.scope).toBe('measures');
    expect(scopeOfInsight('disengagement', 'disengagement:gad7:2026-10-01')).toBe('measures');
    expect(scopeOfInsight('disengagement', 'disengagement:checkins:2026-10-01')).toBe('checkins');
    expect(scopeOfInsight('crisis_language', 'crisis_language:2026-10-01')).toBe('risk');
  });

  it('writes an audit event without an actor or clinical content for each recompute', async () => {
    const [audit] = await queryRows<{ n: number; actors: number }>(
      getDatabase(),
      sql`select count(*)::int as n, count(actor_id)::int as actors from audit_events
           where action = 'insights.recompute' and subject_client_id = ${client.userId}`,
    );
    expect(audit).toEqual({ n: 3, actors: 0 });
  });

  it('refuses a person who is not a client of that clinic, and another clinic cannot store insights for them', async () => {
    const therapist = await createPerson(clinicId, 'therapist');
    await expect(recomputeClientInsights({ clinicId, clientId: therapist.userId })).rejects.toThrow('could not find');
    const otherClinic = await createClinic('Other clinic');
    await expect(recomputeClientInsights({ clinicId: otherClinic, clientId: client.userId })).rejects.toThrow('could not find');
  });

  it('recomputes a whole clinic, client by client', async () => {
    const seen: string[] = [];
    const summary = await recomputeClinicInsights({ clinicId, asOf: '2026-10-29', onClient: (r) => seen.push(r.clientId) });
    expect(summary.clients).toBe(3);
    expect(seen).toContain(client.userId);
    expect(summary.opened + summary.updated).toBe(summary.current);
  });
});

describe("a therapist's dismissals, read back by the engine", () => {
  type Stored = { id: string; direction: string; note: string | null };
  const shifts = (clientId: string) =>
    queryRows<Stored>(
      getDatabase(),
      sql`select id, direction::text, evidence->'sensitivity'->>'note' as note from insights
          where client_id = ${clientId} and kind = 'shift' order by window_start`,
    );

  it('show a dismissed rise less often afterwards: the review comes back with its kind and direction', async () => {
    const person = await createPerson(clinicId, 'client');
    // Ten weeks around 4, then a month around 7.
    await addCheckIns(person, [...days('2026-06-01', 70, 4), ...days('2026-08-10', 30, 7, 3)]);
    await recomputeClientInsights({ clinicId, clientId: person.userId, asOf: '2026-09-08' });
    const [rise] = await shifts(person.userId);
    expect(rise).toMatchObject({ direction: 'improving', note: null });
    await getDatabase().execute(sql`update insights set review_state = 'dismissed' where id = ${rise?.id}`);
    await getDatabase().execute(
      sql`insert into insight_reviews (clinic_id, insight_id, client_id, kind, action, reason, created_at)
          values (${clinicId}, ${rise?.id}, ${person.userId}, 'shift', 'dismissed', 'Back from a good holiday', '2026-09-08T12:00:00Z')`,
    );

    await recomputeClientInsights({ clinicId, clientId: person.userId, asOf: '2026-09-09' });
    expect(await shifts(person.userId)).toEqual([
      { id: rise?.id, direction: 'improving', note: 'Shown less often for this client: dismissed once in the past year.' },
    ]);
  });
});

describe('recomputeClientInsightsAfterWrite', () => {
  it('stores like the plain recompute, and swallows a failure instead of passing it to the page', async () => {
    const person = await createPerson(clinicId, 'client');
    await addCheckIns(person, days('2026-08-01', 70, 6));
    await recomputeClientInsightsAfterWrite({ clinicId, clientId: person.userId });
    expect((await listStoredInsights({ clinicId, clientId: person.userId })).length).toBeGreaterThan(0);
    const therapist = await createPerson(clinicId, 'therapist');
    await expect(recomputeClientInsightsAfterWrite({ clinicId, clientId: therapist.userId })).resolves.toBeUndefined();
  });

  it('serialises concurrent recomputes of one client: no error, one row per key', async () => {
    const person = await createPerson(clinicId, 'client');
    await addCheckIns(person, [...days('2026-08-01', 70, 7), ...days('2026-10-10', 19, 4, 3)]);
    const runs = await Promise.all([1, 2, 3].map(() => recomputeClientInsights({ clinicId, clientId: person.userId, asOf: '2026-10-28' })));
    expect(runs.map((r) => r.opened).reduce((a, b) => a + b, 0)).toBe(runs[0]?.current);
    const [counts] = await queryRows<{ n: number; keys: number }>(
      getDatabase(),
      sql`select count(*)::int as n, count(distinct key)::int as keys from insights where client_id = ${person.userId}`,
    );
    expect(counts?.n).toBe(runs[0]?.current);
  });
});
