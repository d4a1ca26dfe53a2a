import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { isGenuine } from '@/lib/audit/checkpoints';
import { getSecrets } from '@/lib/secrets';
import { addJournalEntry, addMeasureResponse, createClinic, createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { CHECKPOINT_EVERY, queueAudit, queueAudits, type AuditEntry } from './audit';
import { exportAuditCheckpoints, verifyAuditChain } from './audit-log';
import { listCheckIns } from './check-ins';
import { actorContextStatement, withActor } from './context';
import { setPersonActive } from './people';

type EventRow = { seq: number; actor_id: string | null; actor_role: string | null; action: string; outcome: string };

const eventsOf = (clinicId: string) =>
  queryRows<EventRow>(
    getDatabase(),
    sql`select seq::int as seq, actor_id, actor_role, action, outcome from audit_events where clinic_id = ${clinicId} order by seq`,
  );

const owner = () => getDatabase();

async function countCheckIns(where: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(owner(), sql`select count(*)::int as n from check_ins where ${where}`);
  return Number(row?.n);
}

/** What someone with the database owner's access could do: edit an event, then re-hash every later one. */
async function editAndRehash(clinicId: string, seq: number) {
  await owner().execute(
    sql`update audit_events set outcome = 'allowed', action = 'clinic.view' where clinic_id = ${clinicId} and seq = ${seq}`,
  );
  const [last] = await queryRows<{ n: number }>(owner(), sql`select max(seq)::int as n from audit_events where clinic_id = ${clinicId}`);
  for (let s = seq; s <= Number(last!.n); s++) {
    await owner().execute(sql`update audit_events set prev_hash = coalesce(
        (select p.hash from audit_events p where p.clinic_id = ${clinicId} and p.seq = ${s - 1}), repeat('0', 64))
      where clinic_id = ${clinicId} and seq = ${s}`);
    await owner().execute(sql`update audit_events e set hash = audit_event_hash(e) where clinic_id = ${clinicId} and seq = ${s}`);
  }
}

describe('denied events', () => {
  it('survive the transaction that throws, while the rest of it rolls back', async () => {
    const { clinicId, client } = await createClinicWithClient();
    const allowed: AuditEntry = { action: 'check_ins.create', subjectType: 'check_ins', subjectClientId: client.userId };
    const denied: AuditEntry = { action: 'check_ins.read', subjectType: 'check_ins', subjectClientId: client.userId, outcome: 'denied' };
    await expect(
      withActor(client, async (tx) => {
        await queueAudits(tx, client, [allowed, denied]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await eventsOf(clinicId)).map((e) => [e.action, e.outcome])).toEqual([['check_ins.read', 'denied']]);
  });

  it('are kept when a DAL function records the denial and throws (deactivating the last admin)', async () => {
    const { clinicId, admin } = await createClinicWithClient();
    await expect(setPersonActive({ actor: admin, userId: admin.userId, isActive: false })).rejects.toMatchObject({
      code: 'conflict:last_admin',
    });
    expect((await eventsOf(clinicId)).map((e) => [e.action, e.outcome, e.actor_id])).toEqual([
      ['people.deactivate', 'denied', admin.userId],
    ]);
  });
});

describe('audit authorship at the database', () => {
  it('the app role cannot insert an event itself, nor through the function in another person’s name', async () => {
    const { clinicId, client, therapist } = await createClinicWithClient();
    await expect(
      withActor(client, (tx) =>
        tx.execute(sql`insert into audit_events (clinic_id, actor_id, action, subject_type, outcome)
                       values (${clinicId}, ${therapist.userId}, 'check_ins.read', 'check_ins', 'allowed')`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
    await expect(
      withActor(client, (tx) =>
        tx.execute(
          sql`select record_audit_events(${therapist.userId}::uuid, '[{"action":"check_ins.read","subjectType":"check_ins"}]'::jsonb)`,
        ),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/name of the person acting/) } });
    expect(await eventsOf(clinicId)).toEqual([]);
  });

  it('takes the clinic, person and role from the transaction context', async () => {
    const { clinicId, therapist } = await createClinicWithClient();
    await withActor(therapist, (tx) => queueAudit(tx, { ...therapist, role: 'admin' }, { action: 'clinic.view', subjectType: 'clinic' }));
    expect((await eventsOf(clinicId)).map((e) => [e.actor_id, e.actor_role])).toEqual([[therapist.userId, 'therapist']]);
  });
});

describe('signed checkpoints', () => {
  it('are signed automatically as the chain passes each hundred events, with the server’s key', async () => {
    const { clinicId, client } = await createClinicWithClient();
    const entries = Array.from({ length: CHECKPOINT_EVERY + 5 }, (): AuditEntry => ({
      action: 'check_ins.read',
      subjectType: 'check_ins',
    }));
    await withActor(client, (tx) => queueAudits(tx, client, entries));
    const rows = await queryRows<{ head_seq: number; head_hash: string; signed_at: Date | string; key_id: string; mac: string }>(
      owner(),
      sql`select head_seq::int as head_seq, head_hash, signed_at, key_id, mac from audit_checkpoints where clinic_id = ${clinicId}`,
    );
    expect(rows.map((r) => Number(r.head_seq))).toEqual([CHECKPOINT_EVERY + 5]);
    const [r] = rows;
    expect(
      isGenuine([getSecrets().auditKey], {
        clinicId,
        headSeq: Number(r!.head_seq),
        headHash: r!.head_hash,
        signedAt: new Date(r!.signed_at).toISOString(),
        keyId: r!.key_id,
        mac: r!.mac,
      }),
    ).toBe(true);
  });

  it('find the newest events deleted, which the chain alone cannot', async () => {
    const { admin, clinicId, client } = await createClinicWithClient();
    for (let i = 0; i < 4; i++) await listCheckIns({ actor: client, clientId: client.userId });
    const kept = await exportAuditCheckpoints({ actor: admin });
    expect(kept.checkpoints.map((c) => c.headSeq)).toEqual([4]);

    await owner().execute(sql`delete from audit_events where clinic_id = ${clinicId} and seq >= 4`);
    const report = await verifyAuditChain({ actor: admin });
    expect(report).toMatchObject({ isIntact: true, checkpoints: { problem: { reason: 'events_removed', seq: 4 } } });
  });

  it('find deletion even when the stored checkpoints were deleted too, from the file kept outside', async () => {
    const { admin, clinicId, client } = await createClinicWithClient();
    for (let i = 0; i < 3; i++) await listCheckIns({ actor: client, clientId: client.userId });
    const kept = await exportAuditCheckpoints({ actor: admin });
    await owner().execute(sql`delete from audit_checkpoints where clinic_id = ${clinicId}`);
    await owner().execute(sql`delete from audit_events where clinic_id = ${clinicId} and seq >= 3`);
    expect(await verifyAuditChain({ actor: admin, kept })).toMatchObject({
      isIntact: true,
      checkpoints: { problem: { reason: 'events_removed', seq: 3 } },
    });
    // Without the kept file nothing is left to compare with: why SECURITY.md asks to keep it elsewhere.
    expect(await verifyAuditChain({ actor: admin })).toMatchObject({ isIntact: true, checkpoints: { problem: null } });
  });

  it('find an edit hidden by re-hashing every later event with the database’s own function', async () => {
    const { admin, clinicId, client, therapist } = await createClinicWithClient();
    await listCheckIns({ actor: therapist, clientId: client.userId }).catch(() => undefined);
    for (let i = 0; i < 3; i++) await listCheckIns({ actor: client, clientId: client.userId });
    expect(await verifyAuditChain({ actor: admin })).toMatchObject({ isIntact: true, checkpoints: { problem: null } });

    await editAndRehash(clinicId, 1);
    const report = await verifyAuditChain({ actor: admin });
    expect(report.isIntact).toBe(true);
    expect(report.checkpoints.problem).toMatchObject({ reason: 'chain_rewritten' });
  });

  it('refuse a checkpoint written without the key', async () => {
    const { admin, clinicId, client } = await createClinicWithClient();
    await listCheckIns({ actor: client, clientId: client.userId });
    const [head] = await queryRows<{ hash: string }>(owner(), sql`select hash from audit_events where clinic_id = ${clinicId} and seq = 1`);
    await owner().execute(sql`insert into audit_checkpoints (clinic_id, head_seq, head_hash, signed_at, key_id, mac)
      values (${clinicId}, 1, ${head!.hash}, now(), '0123456789abcdef', repeat('a', 64))`);
    expect(await verifyAuditChain({ actor: admin })).toMatchObject({ checkpoints: { problem: { reason: 'forged_checkpoint', seq: 1 } } });
  });

  it('can only name an event that is in the chain with that hash', async () => {
    const { client } = await createClinicWithClient();
    await expect(
      withActor(client, (tx) => tx.execute(sql`select record_audit_checkpoint(99, repeat('0', 64), now(), 'x', 'y')`)),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/event of this clinic/) } });
  });
});

describe('least privilege at the database', () => {
  it('a revocation is stamped now by the database, whatever time the app role writes', async () => {
    const { client, therapist } = await createClinicWithClient();
    await grant(client, therapist, 'checkins', { grantedAt: new Date('2020-01-01T00:00:00Z') });
    await withActor(client, (tx) =>
      tx.execute(sql`update consent_grants set revoked_at = '2020-06-01T00:00:00Z' where client_id = ${client.userId}`),
    );
    const [row] = await queryRows<{ age: number }>(
      owner(),
      sql`select extract(epoch from now() - revoked_at)::float8 as age from consent_grants where client_id = ${client.userId}`,
    );
    expect(Math.abs(Number(row!.age))).toBeLessThan(60);
  });

  it('a clinic’s row is readable only by its active members, not with a forged clinic id', async () => {
    const { client } = await createClinicWithClient();
    const otherClinic = await createClinic('Elsewhere');
    const own = await withActor(client, (tx) => queryRows<{ id: string }>(tx, sql`select id from clinics`));
    expect(own.map((r) => r.id)).toEqual([client.clinicId]);
    const forged = await withActor({ userId: client.userId, clinicId: otherClinic }, (tx) =>
      queryRows<{ id: string }>(tx, sql`select id from clinics`),
    );
    expect(forged).toEqual([]);
  });

  it('the documented login role reads nothing without the role switch, and its clinic’s data with it', async () => {
    const { clinicId, client, therapist } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    await owner().execute(
      sql`insert into check_ins (clinic_id, client_id, local_date, time_zone, mood) values (${clinicId}, ${client.userId}, '2026-01-05', 'UTC', 5)`,
    );
    await owner().execute(
      sql`insert into check_ins (clinic_id, client_id, local_date, time_zone, mood) values (${clinicId}, ${(await createPerson(clinicId, 'client')).userId}, '2026-01-05', 'UTC', 6)`,
    );
    const login = `tandem_server_${Math.random().toString(36).slice(2, 10)}`;
    // The recipe of README "Production notes", with a test name (a role is server-wide on PostgreSQL).
    await owner().execute(sql.raw(`CREATE ROLE ${login} NOLOGIN NOINHERIT NOBYPASSRLS IN ROLE tandem_app, tandem_worker`));
    const asLogin = (work: string) =>
      getDatabase().transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${login}`));
        await tx.execute(sql`select set_config('app.user_id', ${therapist.userId}, true), set_config('app.clinic_id', ${clinicId}, true)`);
        return queryRows<{ n: number }>(tx, sql.raw(work));
      });
    try {
      await expect(asLogin('select count(*)::int as n from check_ins')).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/permission denied/) },
      });
      await expect(asLogin('select count(*)::int as n from users')).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/permission denied/) },
      });
      const viaSwitch = await getDatabase().transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${login}`));
        await tx.execute(
          sql`select set_config('role', 'tandem_app', true), set_config('app.user_id', ${therapist.userId}, true), set_config('app.clinic_id', ${clinicId}, true)`,
        );
        return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from check_ins`);
      });
      expect(Number(viaSwitch[0]?.n)).toBe(await countCheckIns(sql`client_id = ${client.userId}`));
    } finally {
      await owner().execute(sql.raw(`DROP ROLE ${login}`));
    }
  });

  it('the earlier recipe (inheriting the roles) read the whole clinic without the switch', async () => {
    const { clinicId, client, therapist } = await createClinicWithClient();
    const other = await createPerson(clinicId, 'client');
    await owner().execute(sql`insert into check_ins (clinic_id, client_id, local_date, time_zone, mood) values
      (${clinicId}, ${client.userId}, '2026-01-05', 'UTC', 5), (${clinicId}, ${other.userId}, '2026-01-05', 'UTC', 6)`);
    const login = `tandem_server_${Math.random().toString(36).slice(2, 10)}`;
    await owner().execute(sql.raw(`CREATE ROLE ${login} NOLOGIN INHERIT NOBYPASSRLS IN ROLE tandem_app, tandem_worker`));
    try {
      const rows = await getDatabase().transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${login}`));
        await tx.execute(sql`select set_config('app.user_id', ${therapist.userId}, true), set_config('app.clinic_id', ${clinicId}, true)`);
        return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from check_ins`);
      });
      // Every check-in of the clinic, though this therapist is shared none of them.
      expect(Number(rows[0]?.n)).toBe(await countCheckIns(sql`clinic_id = ${clinicId}`));
      expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2);
    } finally {
      await owner().execute(sql.raw(`DROP ROLE ${login}`));
    }
  });
});

describe('policies at the database', () => {
  it('a therapist’s read of check-ins, questionnaires or journal builds the consent list once, when it runs, not also while it is planned', async () => {
    const { clinicId, client, therapist } = await createClinicWithClient();
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(client, therapist, scope);
    // A row in each: a statement that reads none never asks for the list while it runs.
    await addMeasureResponse(client, 'gad7', [1, 1, 1, 1, 1, 1, 1], '2026-11-02');
    await addJournalEntry(client, '2026-11-02');
    const reads = { check_ins: 2, measure_responses: 1, journal_entries: 1 };
    const counted = await getDatabase().transaction(async (tx) => {
      // Counting a function's calls is the owner's to switch on, before the transaction acts as the therapist.
      await tx.execute(sql`set local track_functions = 'pl'`);
      await tx.execute(actorContextStatement(therapist.userId, clinicId));
      const consentListsBuilt = async () => {
        const [row] = await queryRows<{ n: number }>(
          tx,
          sql`select coalesce(sum(calls), 0)::int as n from pg_stat_xact_user_functions where funcname = 'app_consented_clients'`,
        );
        return Number(row?.n);
      };
      const result: Record<string, { rows: number; built: number }> = {};
      for (const table of Object.keys(reads)) {
        const before = await consentListsBuilt();
        const [row] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(table)} where client_id = ${client.userId}`,
        );
        result[table] = { rows: Number(row?.n), built: (await consentListsBuilt()) - before };
      }
      return result;
    });
    for (const [table, rows] of Object.entries(reads)) expect(counted[table]).toEqual({ rows, built: 1 });
  });
});
