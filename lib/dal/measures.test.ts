import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { acknowledgeAlert, addClientOf, assign, createClinicWithClient, createPerson } from '@/lib/testing/factories';
import { getCrisisResources, listOpenAlerts } from './alerts';
import { listMeasureStatus, recordMeasure } from './measures';

const db = () => getDatabase();
type AlertRow = { id: string; kind: string; answer: number | null; therapist_id: string | null; source_id: string };
const alertsOf = (clientId: string) =>
  queryRows<AlertRow>(
    db(),
    sql`select id, kind, answer, therapist_id, source_id from alerts where client_id = ${clientId} order by created_at`,
  );
const measuresOf = (clientId: string) =>
  queryRows<{ id: string; items: number[] }>(db(), sql`select id, items from measure_responses where client_id = ${clientId}`);

const phq9 = (item9: number) => ({ instrument: 'phq9' as const, items: [1, 2, 1, 1, 0, 1, 2, 0, item9], difficulty: 1 });

describe('recordMeasure', () => {
  it('stores a PHQ-9 with item 9 above 0 and, in the same transaction, an urgent alert for the assigned therapist', async () => {
    const { client, therapist } = await createClinicWithClient();
    const result = await recordMeasure({ actor: client, input: phq9(1) });
    expect(result).toMatchObject({ instrument: 'phq9', total: 9, bandLabel: 'Mild', hasRiskAlert: true });
    expect(await measuresOf(client.userId)).toEqual([{ id: result.id, items: [1, 2, 1, 1, 0, 1, 2, 0, 1] }]);
    expect(await alertsOf(client.userId)).toEqual([
      expect.objectContaining({ kind: 'item9', answer: 1, therapist_id: therapist.userId, source_id: result.id }),
    ]);
  });

  it('raises no alert when item 9 is 0, nor for GAD-7', async () => {
    const { client } = await createClinicWithClient();
    expect((await recordMeasure({ actor: client, input: phq9(0) })).hasRiskAlert).toBe(false);
    const gad = await recordMeasure({ actor: client, input: { instrument: 'gad7', items: [3, 3, 3, 3, 3, 3, 3] } });
    expect(gad).toMatchObject({ total: 21, bandLabel: 'Severe', hasRiskAlert: false });
    expect(await measuresOf(client.userId)).toHaveLength(2);
    expect(await alertsOf(client.userId)).toEqual([]);
  });

  it('alerts every actively assigned therapist, or the clinic when none is assigned', async () => {
    const { client, therapist } = await createClinicWithClient();
    const second = await createPerson(client.clinicId, 'therapist');
    await assign(client, second);
    await recordMeasure({ actor: client, input: phq9(3) });
    expect((await alertsOf(client.userId)).map((a) => a.therapist_id).sort()).toEqual([therapist.userId, second.userId].sort());
    const alone = await createPerson(client.clinicId, 'client');
    await recordMeasure({ actor: alone, input: phq9(2) });
    expect(await alertsOf(alone.userId)).toEqual([expect.objectContaining({ therapist_id: null, answer: 2 })]);
  });

  it('stores neither the answers nor the alert when the alert cannot be stored', async () => {
    const { client } = await createClinicWithClient();
    await db().execute(
      sql`create function fail_alert() returns trigger language plpgsql as $$ begin raise exception 'alert store down'; end $$`,
    );
    await db().execute(sql`create trigger fail_alert before insert on alerts for each row execute function fail_alert()`);
    try {
      await expect(recordMeasure({ actor: client, input: phq9(1) })).rejects.toThrow();
    } finally {
      await db().execute(sql`drop trigger fail_alert on alerts`);
      await db().execute(sql`drop function fail_alert()`);
    }
    expect(await measuresOf(client.userId)).toEqual([]);
    expect(await alertsOf(client.userId)).toEqual([]);
  });

  it('stores nothing for incomplete or out-of-range answers, and only for clients', async () => {
    const { client, therapist } = await createClinicWithClient();
    for (const input of [
      { instrument: 'phq9' as const, items: [1, 1, 1] },
      { instrument: 'phq9' as const, items: [1, 1, 1, 1, 1, 1, 1, 1, 4] },
      { instrument: 'gad7' as const, items: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
    ]) {
      await expect(recordMeasure({ actor: client, input })).rejects.toMatchObject({ code: 'bad_request:input' });
    }
    await expect(recordMeasure({ actor: therapist, input: phq9(1) })).rejects.toMatchObject({ code: 'forbidden:role' });
    expect(await measuresOf(client.userId)).toEqual([]);
    expect(await alertsOf(client.userId)).toEqual([]);
  });
});

describe('listMeasureStatus', () => {
  it('is due when never taken, then due again after the cadence: the therapist’s, else the clinic’s 14 days', async () => {
    const { client, therapist } = await createClinicWithClient();
    const due = await listMeasureStatus({ actor: client, today: '2026-07-01' });
    expect(due.map((s) => [s.instrument, s.isDue, s.cadenceDays])).toEqual([
      ['phq9', true, 14],
      ['gad7', true, 14],
    ]);
    await db().execute(sql`insert into measure_schedules (clinic_id, client_id, instrument, cadence_days, set_by)
                           values (${client.clinicId}, ${client.userId}, 'gad7', 28, ${therapist.userId})`);
    await recordMeasure({ actor: client, input: phq9(0), at: new Date('2026-07-01T10:00:00Z') });
    await recordMeasure({
      actor: client,
      input: { instrument: 'gad7', items: [1, 1, 1, 1, 1, 1, 1] },
      at: new Date('2026-07-01T10:00:00Z'),
    });
    const later = await listMeasureStatus({ actor: client, today: '2026-07-14' });
    expect(later).toEqual([
      expect.objectContaining({ instrument: 'phq9', isDue: false, dueOn: '2026-07-15', lastTotal: 8, lastBandLabel: 'Mild' }),
      expect.objectContaining({ instrument: 'gad7', isDue: false, dueOn: '2026-07-29', cadenceDays: 28 }),
    ]);
    expect((await listMeasureStatus({ actor: client, today: '2026-07-15' }))[0]?.isDue).toBe(true);
  });
});

describe('listOpenAlerts', () => {
  it('shows the therapist their unacknowledged alerts with the client’s name, and no one else’s', async () => {
    const { clinicId, client, therapist } = await createClinicWithClient();
    const jamie = await addClientOf(therapist, 'Jamie Park');
    await recordMeasure({ actor: jamie, input: phq9(1) });
    await recordMeasure({ actor: client, input: phq9(2) });
    const open = await listOpenAlerts({ actor: therapist });
    expect(open.map((a) => [a.clientId, a.clientName, a.kind, a.answer])).toEqual([
      [client.userId, expect.any(String), 'item9', 2],
      [jamie.userId, 'Jamie Park', 'item9', 1],
    ]);
    const other = await createPerson(clinicId, 'therapist');
    expect(await listOpenAlerts({ actor: other })).toEqual([]);
    await acknowledgeAlert(open.find((a) => a.clientName === 'Jamie Park')!.id, clinicId, therapist);
    expect((await listOpenAlerts({ actor: therapist })).map((a) => a.clientName)).not.toContain('Jamie Park');
    await expect(listOpenAlerts({ actor: client })).rejects.toMatchObject({ code: 'forbidden:role' });
  });

  it('never crosses clinics', async () => {
    const a = await createClinicWithClient('A');
    const b = await createClinicWithClient('B');
    await recordMeasure({ actor: a.client, input: phq9(1) });
    expect(await listOpenAlerts({ actor: b.therapist })).toEqual([]);
  });
});

describe('getCrisisResources', () => {
  it('gives the client their clinic’s crisis resources', async () => {
    const { client } = await createClinicWithClient();
    expect(await getCrisisResources({ actor: client })).toEqual({
      resources: expect.stringMatching(/local emergency number/),
      responseTime: 'within one working day',
      notifies: 'therapist',
    });
  });

  it('says the clinic is notified, not a therapist, when the client has no therapist who can act', async () => {
    const { client, therapist } = await createClinicWithClient();
    await getDatabase().execute(sql`update users set deactivated_at = now() where id = ${therapist.userId}`);
    expect((await getCrisisResources({ actor: client })).notifies).toBe('clinic');
  });
});
