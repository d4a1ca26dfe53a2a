import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addClientOf, createClinic, createPerson, TEST_TIME_ZONE } from '@/lib/testing/factories';
import { queueAudit } from './audit';
import { listCaseload } from './therapist-caseload';
import { readThenAudit } from './context';

// DATABASE_READ_URL: a dashboard's read runs read-only on the replica and its audit events are
// written on the primary. Here the "replica" is the test database itself, which is enough to show
// the read transaction refuses writes and that the audit lands before the rows are returned.

async function auditCount(actorId: string, action: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    getDatabase(),
    sql`select count(*)::int as n from audit_events where actor_id = ${actorId} and action = ${action}`,
  );
  return row?.n ?? 0;
}

describe('reads on a replica (readThenAudit)', () => {
  it('returns what row-level security lets the actor see and writes its audit events on the primary', async () => {
    const clinicId = await createClinic();
    const therapist = await createPerson(clinicId, 'therapist');
    const mine = await addClientOf(therapist, 'Mine Client');
    const other = await addClientOf(await createPerson(clinicId, 'therapist'), 'Other Client');

    const seen = await readThenAudit(getDatabase(), therapist, async (tx) => {
      const rows = await queryRows<{ client_id: string }>(tx, sql`select client_id from assignments`);
      await queueAudit(tx, therapist, { action: 'caseload.view', subjectType: 'caseload' });
      return rows.map((r) => r.client_id);
    });

    expect(seen).toContain(mine.userId);
    expect(seen).not.toContain(other.userId);
    expect(await auditCount(therapist.userId, 'caseload.view')).toBe(1);
  });

  it('refuses writes in the read transaction and then audits nothing', async () => {
    const clinicId = await createClinic();
    const therapist = await createPerson(clinicId, 'therapist');

    const failure = await readThenAudit(getDatabase(), therapist, async (tx) => {
      await queueAudit(tx, therapist, { action: 'caseload.view', subjectType: 'caseload' });
      await tx.execute(sql`update users set name = 'Changed' where id = ${therapist.userId}`);
    }).catch((error: Error) => error);
    expect((failure as Error & { cause?: Error }).cause?.message).toMatch(/read-only transaction/);
    expect(await auditCount(therapist.userId, 'caseload.view')).toBe(0);
  });

  it('serves the caseload the same way without DATABASE_READ_URL (on the primary, audited)', async () => {
    const clinicId = await createClinic();
    const therapist = await createPerson(clinicId, 'therapist');
    await addClientOf(therapist, 'Only Client');
    const page = await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist });
    expect(page.rows.map((r) => r.name)).toEqual(['Only Client']);
    expect(await auditCount(therapist.userId, 'caseload.view')).toBe(2);
  });
});
