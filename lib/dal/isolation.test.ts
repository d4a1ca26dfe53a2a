import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addCheckIn, createClinicWithClient, createPerson, grant, assign } from '@/lib/testing/factories';
import { listCheckIns } from './check-ins';
import { revokeConsent } from './consent';
import { withActor, withoutActor } from './context';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let a: World;
let b: World;

beforeAll(async () => {
  a = await createClinicWithClient('Clinic A');
  b = await createClinicWithClient('Clinic B');
  for (const world of [a, b]) {
    for (const scope of ['checkins', 'journal', 'measures'] as const) await grant(world.client, world.therapist, scope);
  }
});

const countCheckIns = (clientId: string) => sql`select count(*)::int as n from check_ins where client_id = ${clientId}`;

describe('the database catalog', () => {
  it('has row-level security enabled and forced, with a restrictive same-clinic policy, on every table with clinic_id', async () => {
    const tables = await queryRows<{ table: string; enabled: boolean; forced: boolean; restrictive: boolean }>(
      getDatabase(),
      sql`select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                 exists (select 1 from pg_policy p where p.polrelid = c.oid and not p.polpermissive
                          and pg_get_expr(p.polqual, p.polrelid) like '%clinic_id%app_clinic_id()%') as restrictive
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r'
             and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'clinic_id' and not a.attisdropped)`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(20);
    expect(tables.filter((t) => !t.enabled || !t.forced || !t.restrictive)).toEqual([]);
  });

  it('protects the tables without clinic_id (clinics, users) too', async () => {
    const rows = await queryRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      getDatabase(),
      sql`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname in ('clinics', 'users') and relkind = 'r'`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect([row.relrowsecurity, row.relforcerowsecurity]).toEqual([true, true]);
  });

  it('runs request code as a role that has no BYPASSRLS and owns no table', async () => {
    const [role] = await queryRows<{ bypass: boolean; owns: number }>(
      getDatabase(),
      sql`select r.rolbypassrls as bypass,
                 (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
            from pg_roles r where r.rolname = 'tandem_app'`,
    );
    expect(role).toEqual({ bypass: false, owns: 0 });
  });
});

describe('with no context', () => {
  it('sees no row of any table', async () => {
    const tables = await queryRows<{ relname: string }>(
      getDatabase(),
      sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    );
    const counts = await withoutActor(async (tx) => {
      const result: Record<string, number> = {};
      for (const { relname } of tables) {
        const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(relname)}`);
        result[relname] = row?.n ?? -1;
      }
      return result;
    });
    const [owner] = await queryRows<{ n: number }>(getDatabase(), sql`select count(*)::int as n from check_ins`);
    expect(owner?.n).toBeGreaterThan(0);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });
});

describe('across clinics', () => {
  it("gives a therapist of clinic A nothing of clinic B's client through the DAL", async () => {
    await expect(listCheckIns({ actor: a.therapist, clientId: b.client.userId })).rejects.toMatchObject({
      code: 'not_found:client',
    });
  });

  it('gives nothing through raw SQL under the app role either', async () => {
    const [row] = await withActor(a.therapist, (tx) => queryRows<{ n: number }>(tx, countCheckIns(b.client.userId)));
    expect(row?.n).toBe(0);
    const [own] = await withActor(a.therapist, (tx) => queryRows<{ n: number }>(tx, countCheckIns(a.client.userId)));
    expect(own?.n).toBe(2);
  });

  it('gives nothing when the context claims a clinic the person does not belong to', async () => {
    const forged = { ...a.therapist, clinicId: b.clinicId };
    const [row] = await withActor(forged, (tx) => queryRows<{ n: number }>(tx, countCheckIns(b.client.userId)));
    expect(row?.n).toBe(0);
  });

  it('cannot write into another clinic', async () => {
    await expect(
      withActor(a.client, (tx) =>
        tx.execute(
          sql`insert into check_ins (clinic_id, client_id, local_date, time_zone, mood)
              values (${b.clinicId}, ${a.client.userId}, '2026-11-03', 'UTC', 5)`,
        ),
      ),
    ).rejects.toThrow();
  });
});

describe('consent within a clinic', () => {
  it('shows an assigned client’s check-ins while shared, and none on the next query after revocation', async () => {
    const { therapist, client } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    expect(await listCheckIns({ actor: therapist, clientId: client.userId })).toHaveLength(2);

    await revokeConsent({ actor: client, therapistId: therapist.userId, scope: 'checkins' });

    await expect(listCheckIns({ actor: therapist, clientId: client.userId })).rejects.toMatchObject({
      code: 'not_found:client',
    });
    const [row] = await withActor(therapist, (tx) => queryRows<{ n: number }>(tx, countCheckIns(client.userId)));
    expect(row?.n).toBe(0);
    expect(await listCheckIns({ actor: client, clientId: client.userId })).toHaveLength(2);
  });

  it('shows nothing after a grant expires, or when none was ever given', async () => {
    const expired = await createClinicWithClient();
    await grant(expired.client, expired.therapist, 'checkins', {
      grantedAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2026-02-01T00:00:00Z'),
    });
    const never = await createClinicWithClient();
    for (const world of [expired, never]) {
      await expect(listCheckIns({ actor: world.therapist, clientId: world.client.userId })).rejects.toMatchObject({
        code: 'not_found:client',
      });
      const [row] = await withActor(world.therapist, (tx) => queryRows<{ n: number }>(tx, countCheckIns(world.client.userId)));
      expect(row?.n).toBe(0);
    }
  });

  it('shows nothing to a therapist of the same clinic who is not assigned, nor to the admin', async () => {
    const other = await createPerson(a.clinicId, 'therapist');
    await grant(a.client, other, 'checkins');
    for (const actor of [other, a.admin]) {
      await expect(listCheckIns({ actor, clientId: a.client.userId })).rejects.toMatchObject({ code: 'not_found:client' });
      const [row] = await withActor(actor, (tx) => queryRows<{ n: number }>(tx, countCheckIns(a.client.userId)));
      expect(row?.n).toBe(0);
    }
  });

  it('stops at once when the assignment ends, even with the grant still live', async () => {
    const world = await createClinicWithClient();
    await grant(world.client, world.therapist, 'checkins');
    expect(await listCheckIns({ actor: world.therapist, clientId: world.client.userId })).toHaveLength(2);
    await getDatabase().execute(sql`update assignments set ended_at = now() where client_id = ${world.client.userId}`);
    const [row] = await withActor(world.therapist, (tx) => queryRows<{ n: number }>(tx, countCheckIns(world.client.userId)));
    expect(row?.n).toBe(0);
    const person = await withActor(world.therapist, (tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`select id from users where id = ${world.client.userId} union all select user_id from memberships where user_id = ${world.client.userId}`,
      ),
    );
    expect(person).toEqual([]);
  });

  it('never shows one client another client of the same clinic', async () => {
    const second = await createPerson(a.clinicId, 'client');
    await assign(second, a.therapist);
    await addCheckIn(second, '2026-11-05', 7);
    const rows = await withActor(a.client, (tx) => queryRows<{ id: string }>(tx, sql`select id from users where id = ${second.userId}`));
    expect(rows).toEqual([]);
    const [row] = await withActor(a.client, (tx) => queryRows<{ n: number }>(tx, countCheckIns(second.userId)));
    expect(row?.n).toBe(0);
  });

  it('lets a therapist know by name the staff and their own clients, not the clinic’s other clients', async () => {
    const colleague = await createPerson(a.clinicId, 'therapist');
    const theirs = await createPerson(a.clinicId, 'client');
    await assign(theirs, colleague);
    // A person's row and their membership, counted together: the two policies name the same people.
    const visible = async (id: string) =>
      (
        await withActor(a.therapist, (tx) =>
          queryRows<{ id: string }>(
            tx,
            sql`select id from users where id = ${id} union all select user_id from memberships where user_id = ${id}`,
          ),
        )
      ).length;
    expect(await visible(a.therapist.userId)).toBe(2);
    expect(await visible(a.client.userId)).toBe(2);
    expect(await visible(colleague.userId)).toBe(2);
    expect(await visible(a.admin.userId)).toBe(2);
    expect(await visible(theirs.userId)).toBe(0);
    expect(
      (await withActor(a.admin, (tx) => queryRows<{ id: string }>(tx, sql`select id from users where id = ${theirs.userId}`))).length,
    ).toBe(1);
  });
});

describe('the transaction context', () => {
  it('does not leak into the next transaction on the same pooled connection', async () => {
    const db = getDatabase();
    const [inside] = await withActor(a.therapist, (tx) =>
      queryRows<{ pid: number; role: string; user_id: string }>(
        tx,
        sql`select pg_backend_pid() as pid, current_user as role, current_setting('app.user_id', true) as user_id`,
      ),
    );
    expect(inside).toMatchObject({ role: 'tandem_app', user_id: a.therapist.userId });
    const after = [];
    for (let i = 0; i < 5; i++) {
      const [row] = await queryRows<{ pid: number; role: string; user_id: string; clinic_id: string }>(
        db,
        sql`select pg_backend_pid() as pid, current_user as role,
                   coalesce(current_setting('app.user_id', true), '') as user_id,
                   coalesce(current_setting('app.clinic_id', true), '') as clinic_id`,
      );
      after.push(row);
    }
    const sameConnection = after.filter((row) => row?.pid === inside?.pid);
    expect(sameConnection.length).toBeGreaterThan(0);
    for (const row of sameConnection) {
      expect(row).toMatchObject({ user_id: '', clinic_id: '' });
      expect(row?.role).not.toBe('tandem_app');
    }
  });
});

describe('the data itself', () => {
  it('refuses out-of-range values even from the owner', async () => {
    const db = getDatabase();
    const base = { clinic: a.clinicId, client: a.client.userId };
    await expect(
      db.execute(
        sql`insert into check_ins (clinic_id, client_id, local_date, time_zone, mood) values (${base.clinic}, ${base.client}, '2026-11-04', 'UTC', 11)`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`insert into measure_responses (clinic_id, client_id, instrument, items, local_date) values (${base.clinic}, ${base.client}, 'phq9', '{0,0,0,0,0,0,0,0,4}', '2026-11-04')`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`insert into measure_responses (clinic_id, client_id, instrument, items, local_date) values (${base.clinic}, ${base.client}, 'gad7', '{0,0,0,0,0,0,null}', '2026-11-04')`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`insert into measure_responses (clinic_id, client_id, instrument, items, local_date) values (${base.clinic}, ${base.client}, 'gad7', '{0,0,0}', '2026-11-04')`,
      ),
    ).rejects.toThrow();
  });

  it('never edits a consent grant in place, even as the owner: only revoked_at, once', async () => {
    const db = getDatabase();
    const world = await createClinicWithClient();
    await grant(world.client, world.therapist, 'journal');
    await expect(
      db.execute(sql`update consent_grants set scope = 'measures' where client_id = ${world.client.userId}`),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/never edited/) } });
    await db.execute(sql`update consent_grants set revoked_at = now() where client_id = ${world.client.userId}`);
    await expect(
      db.execute(sql`update consent_grants set revoked_at = now() where client_id = ${world.client.userId}`),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/never edited/) } });
  });
});
