import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { createClinicWithClient, grant } from '@/lib/testing/factories';
import { auditRepeatsOnceIn, queueAudit } from './audit';
import { listCheckIns } from './check-ins';
import { withActor } from './context';

type EventRow = {
  seq: number;
  actor_id: string;
  action: string;
  subject_client_id: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
};

const eventsOf = (clinicId: string) =>
  queryRows<EventRow>(
    getDatabase(),
    sql`select seq::int as seq, actor_id, action, subject_client_id, outcome, prev_hash, hash
         from audit_events where clinic_id = ${clinicId} order by seq`,
  );

describe('audit events', () => {
  it('record allowed and denied reads of clinical data, with no clinical content', async () => {
    const { clinicId, therapist, client } = await createClinicWithClient();
    await expect(listCheckIns({ actor: therapist, clientId: client.userId })).rejects.toThrow();
    await grant(client, therapist, 'checkins');
    await listCheckIns({ actor: therapist, clientId: client.userId });

    const events = await eventsOf(clinicId);
    expect(events.map((e) => [e.action, e.outcome, e.actor_id, e.subject_client_id])).toEqual([
      ['check_ins.read', 'denied', therapist.userId, client.userId],
      ['check_ins.read', 'allowed', therapist.userId, client.userId],
    ]);
  });

  it('are chained: each carries the previous hash, numbered per clinic', async () => {
    const { clinicId, client } = await createClinicWithClient();
    for (let i = 0; i < 3; i++) await listCheckIns({ actor: client, clientId: client.userId });
    const events = await eventsOf(clinicId);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]?.prev_hash).toBe('0'.repeat(64));
    expect(events[1]?.prev_hash).toBe(events[0]?.hash);
    expect(events[2]?.prev_hash).toBe(events[1]?.hash);
    const [recomputed] = await queryRows<{ ok: boolean }>(
      getDatabase(),
      sql`select bool_and(hash = audit_event_hash(e)) as ok from audit_events e where clinic_id = ${clinicId}`,
    );
    expect(recomputed?.ok).toBe(true);
  });

  it('are written once when repeated in a transaction marked as only reading, and each time in any other', async () => {
    const { clinicId, therapist, client } = await createClinicWithClient();
    const read = { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: client.userId } as const;
    const queueReads = async (tx: Parameters<Parameters<typeof withActor>[1]>[0]) => {
      await queueAudit(tx, therapist, read);
      await queueAudit(tx, therapist, { action: 'measures.read', subjectType: 'measures', subjectClientId: client.userId });
      await queueAudit(tx, therapist, read);
      await queueAudit(tx, therapist, { ...read, outcome: 'denied' });
    };
    await withActor(therapist, async (tx) => {
      auditRepeatsOnceIn(tx);
      await queueReads(tx);
    });
    expect((await eventsOf(clinicId)).map((e) => [e.action, e.outcome])).toEqual([
      ['check_ins.read', 'allowed'],
      ['measures.read', 'allowed'],
      ['check_ins.read', 'denied'],
    ]);
    await withActor(therapist, queueReads);
    expect(await eventsOf(clinicId)).toHaveLength(7);
  });

  it('roll back with the work they describe', async () => {
    const { clinicId, client } = await createClinicWithClient();
    await expect(
      withActor(client, async (tx) => {
        await queueAudit(tx, client, { action: 'check_ins.create', subjectType: 'check_ins', subjectClientId: client.userId });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await eventsOf(clinicId)).toEqual([]);
  });

  it('can be inserted and read by the app role, never updated or deleted', async () => {
    const { clinicId, admin } = await createClinicWithClient();
    await withActor(admin, (tx) => queueAudit(tx, admin, { action: 'clinic.view', subjectType: 'clinic' }));
    const visible = await withActor(admin, (tx) => queryRows<EventRow>(tx, sql`select * from audit_events`));
    expect(visible).toHaveLength(1);
    await expect(withActor(admin, (tx) => tx.execute(sql`update audit_events set action = 'clinic.edit'`))).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/permission denied/) },
    });
    await expect(withActor(admin, (tx) => tx.execute(sql`delete from audit_events`))).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/permission denied/) },
    });
    expect(await eventsOf(clinicId)).toHaveLength(1);
  });

  it('cannot be written in someone else’s name', async () => {
    const { client, therapist } = await createClinicWithClient();
    await expect(
      withActor(client, (tx) => queueAudit(tx, therapist, { action: 'check_ins.read', subjectType: 'check_ins' })),
    ).rejects.toThrow();
  });
});
