import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addAlert, addClientOf, createClinicWithClient, createPerson, grant, TEST_TIME_ZONE } from '@/lib/testing/factories';
import type { Actor } from './context';
import { listOpenAlerts } from './alerts';
import { getSessionState } from './auth';
import { listCaseload } from './therapist-caseload';
import { assignClients, listClientsWithoutTherapist } from './clinic-caseloads';
import { getClinicOverview } from './clinic';
import { withActor } from './context';
import { recordMeasure } from './measures';
import { previewDeactivation, setPersonActive } from './people';

const item9 = (answer: number) => ({ instrument: 'phq9' as const, items: [1, 1, 1, 1, 1, 1, 1, 1, answer] });

/** A therapist with two clients, one of whom has an urgent alert waiting, and two colleagues. */
async function departingTherapist() {
  const { clinicId, admin, therapist, client } = await createClinicWithClient();
  const second = await addClientOf(therapist, 'Second Client');
  const alertId = await addAlert(client, therapist, 3);
  const jordan = await createPerson(clinicId, 'therapist', 'Jordan Okafor');
  const sam = await createPerson(clinicId, 'therapist', 'Sam Rivera');
  return { clinicId, admin, therapist, clients: [client, second], alertId, jordan, sam };
}

async function activeAssignments(clients: Actor[]) {
  const rows = await queryRows<{ client_id: string; therapist_id: string }>(
    getDatabase(),
    sql`select client_id, therapist_id from assignments where ended_at is null order by client_id`,
  );
  const ids = new Set(clients.map((c) => c.userId));
  return rows.filter((r) => ids.has(r.client_id)).map((r) => [r.client_id, r.therapist_id]);
}

describe('deactivating a therapist who has clients', () => {
  it('shows the admin how many clients and open alerts they hold, counts only', async () => {
    const { admin, therapist, clients } = await departingTherapist();
    const preview = await previewDeactivation({ actor: admin, therapistId: therapist.userId });
    expect(preview.openAlerts).toBe(1);
    expect(preview.clients.map((c) => [c.clientId, c.openAlerts]).sort()).toEqual(
      [
        [clients[0]?.userId, 1],
        [clients[1]?.userId, 0],
      ].sort(),
    );
    expect(JSON.stringify(preview)).not.toContain('answer');

    const other = await createClinicWithClient('Other');
    await expect(previewDeactivation({ actor: other.admin, therapistId: therapist.userId })).rejects.toMatchObject({
      code: 'not_found:person',
    });
    await expect(previewDeactivation({ actor: therapist, therapistId: therapist.userId })).rejects.toMatchObject({
      code: 'forbidden:role',
    });
  });

  it('is refused without a reassignment plan or an explicit confirmation, and nothing changes', async () => {
    const { admin, therapist, clients } = await departingTherapist();
    const before = await activeAssignments(clients);
    await expect(setPersonActive({ actor: admin, userId: therapist.userId, isActive: false })).rejects.toMatchObject({
      code: 'conflict:therapist_has_clients',
      message: expect.stringMatching(/still has 2 active clients/),
    });
    await expect(setPersonActive({ actor: admin, userId: therapist.userId, isActive: false, reassign: [] })).rejects.toMatchObject({
      code: 'conflict:therapist_has_clients',
    });
    expect(await getSessionState(therapist)).not.toBeNull();
    expect(await activeAssignments(clients)).toEqual(before);
  });

  it('a therapist without clients is deactivated as before', async () => {
    const { admin, jordan } = await departingTherapist();
    await setPersonActive({ actor: admin, userId: jordan.userId, isActive: false });
    expect(await getSessionState(jordan)).toBeNull();
  });

  it('with a plan, the clients move to one or several therapists and the therapist is deactivated, together', async () => {
    const { admin, therapist, clients, alertId, jordan, sam } = await departingTherapist();
    const [first, second] = clients as [Actor, Actor];
    await grant(first, therapist, 'checkins');
    await setPersonActive({
      actor: admin,
      userId: therapist.userId,
      isActive: false,
      reassign: [
        { clientId: first.userId, therapistId: jordan.userId },
        { clientId: second.userId, therapistId: sam.userId },
      ],
    });

    expect(await getSessionState(therapist)).toBeNull();
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: jordan })).rows.map((r) => r.clientId)).toEqual([first.userId]);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: sam })).rows.map((r) => r.clientId)).toEqual([second.userId]);
    // The waiting alert follows the client to their new therapist; consent does not carry over.
    expect((await listOpenAlerts({ actor: jordan })).map((a) => a.id)).toEqual([alertId]);
    const grants = await queryRows<{ revoked: boolean }>(
      getDatabase(),
      sql`select revoked_at is not null as revoked from consent_grants where client_id = ${first.userId}`,
    );
    expect(grants).toEqual([{ revoked: true }]);
    expect(await listClientsWithoutTherapist({ actor: admin })).toEqual([]);

    const events = await queryRows<{ action: string; n: number }>(
      getDatabase(),
      sql`select action, count(*)::int as n from audit_events where clinic_id = ${admin.clinicId} and action in ('caseload.reassign', 'people.deactivate') group by action order by action`,
    );
    expect(events).toEqual([
      { action: 'caseload.reassign', n: 2 },
      { action: 'people.deactivate', n: 1 },
    ]);
  });

  it('a bad plan changes nothing: a deactivated or other-clinic target, a missing or foreign client, the therapist themself', async () => {
    const { admin, therapist, clients, jordan, sam } = await departingTherapist();
    const [first, second] = clients as [Actor, Actor];
    const other = await createClinicWithClient('Other');
    await setPersonActive({ actor: admin, userId: sam.userId, isActive: false });
    const stranger = await createPerson(admin.clinicId, 'client');
    const before = await activeAssignments([...clients, stranger]);
    const to = (a: Actor, b: Actor) => [
      { clientId: first.userId, therapistId: a.userId },
      { clientId: second.userId, therapistId: b.userId },
    ];

    const attempts: [Parameters<typeof setPersonActive>[0]['reassign'], string][] = [
      [to(jordan, sam), 'not_found:person'],
      [to(jordan, other.therapist), 'not_found:person'],
      [to(jordan, therapist), 'bad_request:input'],
      [[{ clientId: first.userId, therapistId: jordan.userId }], 'conflict:caseload_changed'],
      [[...to(jordan, jordan), { clientId: stranger.userId, therapistId: jordan.userId }], 'conflict:caseload_changed'],
      [
        [
          { clientId: first.userId, therapistId: jordan.userId },
          { clientId: first.userId, therapistId: jordan.userId },
        ],
        'conflict:caseload_changed',
      ],
      [
        [
          { clientId: first.userId, therapistId: jordan.userId },
          { clientId: other.client.userId, therapistId: jordan.userId },
        ],
        'conflict:caseload_changed',
      ],
    ];
    for (const [reassign, code] of attempts) {
      await expect(setPersonActive({ actor: admin, userId: therapist.userId, isActive: false, reassign })).rejects.toMatchObject({ code });
      expect(await getSessionState(therapist)).not.toBeNull();
      expect(await activeAssignments([...clients, stranger])).toEqual(before);
    }
    await expect(
      setPersonActive({ actor: admin, userId: therapist.userId, isActive: false, reassign: to(jordan, jordan), unassignClients: true }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: jordan })).rows).toEqual([]);
    expect(await getSessionState(therapist)).not.toBeNull();
  });

  it('with confirmation the clients become unassigned, their urgent alerts reach the admins, and the next therapist assigned gets them', async () => {
    const { admin, therapist, clients, alertId, jordan } = await departingTherapist();
    const [first, second] = clients as [Actor, Actor];
    await getDatabase().execute(sql`update users set phone = '+44 20 7946 0000' where id = ${first.userId}`);
    await setPersonActive({ actor: admin, userId: therapist.userId, isActive: false, unassignClients: true });
    expect(await getSessionState(therapist)).toBeNull();
    expect(await activeAssignments(clients)).toEqual([]);

    const waiting = await listClientsWithoutTherapist({ actor: admin });
    expect(waiting.map((w) => [w.clientId, w.openAlerts]).sort()).toEqual(
      [
        [first.userId, 1],
        [second.userId, 0],
      ].sort(),
    );
    expect(waiting.find((w) => w.clientId === first.userId)).toMatchObject({
      phone: '+44 20 7946 0000',
      email: expect.stringContaining('@'),
      oldestOpenAlert: expect.any(Date),
    });

    // A new item-9 answer from an unassigned client is the clinic's: addressed to no therapist,
    // counted for the admins.
    await recordMeasure({ actor: second, input: item9(2) });
    const [raised] = await queryRows<{ therapist_id: string | null }>(
      getDatabase(),
      sql`select therapist_id from alerts where client_id = ${second.userId}`,
    );
    expect(raised).toEqual({ therapist_id: null });
    expect((await listClientsWithoutTherapist({ actor: admin })).find((w) => w.clientId === second.userId)).toMatchObject({
      openAlerts: 1,
    });
    const events = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from audit_events where clinic_id = ${admin.clinicId} and action = 'caseload.unassign'`,
    );
    expect(events[0]?.n).toBe(2);

    await assignClients({ actor: admin, input: { clientIds: [first.userId, second.userId], therapistId: jordan.userId } });
    const handed = await listOpenAlerts({ actor: jordan });
    expect(handed).toHaveLength(2);
    expect(handed.map((a) => a.id)).toContain(alertId);
    expect(await listClientsWithoutTherapist({ actor: admin })).toEqual([]);
  });

  it('a client still assigned to a deactivated therapist counts as without one, and their new alerts go to the clinic', async () => {
    const { admin, therapist, clients, jordan } = await departingTherapist();
    const [first] = clients as [Actor];
    // As deactivations made before this rule left them.
    await getDatabase().execute(sql`update users set deactivated_at = now() where id = ${therapist.userId}`);
    await recordMeasure({ actor: first, input: item9(1) });
    const alerts = await queryRows<{ therapist_id: string | null }>(
      getDatabase(),
      sql`select therapist_id from alerts where client_id = ${first.userId} order by created_at desc`,
    );
    expect(alerts[0]).toEqual({ therapist_id: null });
    expect((await listClientsWithoutTherapist({ actor: admin })).find((w) => w.clientId === first.userId)).toMatchObject({ openAlerts: 2 });

    await assignClients({ actor: admin, input: { clientIds: [first.userId], therapistId: jordan.userId } });
    expect(await listOpenAlerts({ actor: jordan })).toHaveLength(2);
  });

  it('the clinic overview counts no deactivated staff', async () => {
    const { admin, therapist, sam } = await departingTherapist();
    expect(await getClinicOverview({ actor: admin })).toMatchObject({ therapists: 3, admins: 1, clients: 2, activeAssignments: 2 });
    await setPersonActive({ actor: admin, userId: sam.userId, isActive: false });
    await getDatabase().execute(sql`update users set deactivated_at = now() where id = ${therapist.userId}`);
    expect(await getClinicOverview({ actor: admin })).toMatchObject({ therapists: 1, activeAssignments: 0 });
  });

  it('the open-alerts function answers admins only', async () => {
    const { therapist, clients } = await departingTherapist();
    for (const actor of [therapist, clients[0] as Actor]) {
      const rows = await withActor(actor, (tx) =>
        queryRows<{ n: number; w: number }>(
          tx,
          sql`select (select count(*)::int from admin_open_alerts()) as n, (select count(*)::int from admin_clients_without_therapist()) as w`,
        ),
      );
      expect(rows[0]).toEqual({ n: 0, w: 0 });
    }
  });
});
