import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addAlert, createClinicWithClient, createPerson } from '@/lib/testing/factories';
import { acknowledgeAlert, listAlertInbox, listOpenAlerts } from './alerts';

describe('acknowledging an urgent alert', () => {
  it('records what the therapist did, takes the alert out of the open list, and is audited', async () => {
    const { therapist, client } = await createClinicWithClient();
    const alertId = await addAlert(client, therapist, 3);
    expect((await listOpenAlerts({ actor: therapist })).map((a) => a.id)).toEqual([alertId]);

    await acknowledgeAlert({ actor: therapist, input: { alertId, action: 'contacted_client', note: 'Phoned; safe tonight.' } });

    expect(await listOpenAlerts({ actor: therapist })).toEqual([]);
    const [inbox] = await listAlertInbox({ actor: therapist });
    expect(inbox?.acknowledgement).toMatchObject({ action: 'contacted_client', note: 'Phoned; safe tonight.' });
    const audit = await queryRows<{ outcome: string }>(
      getDatabase(),
      sql`select outcome from audit_events where action = 'alerts.acknowledge' and subject_id = ${alertId}`,
    );
    expect(audit).toEqual([{ outcome: 'allowed' }]);
  });

  it('asks for a note when the action is "something else", and stores nothing without it', async () => {
    const { therapist, client } = await createClinicWithClient();
    const alertId = await addAlert(client, therapist, 1);
    await expect(acknowledgeAlert({ actor: therapist, input: { alertId, action: 'other', note: '  ' } })).rejects.toMatchObject({
      code: 'bad_request:input',
      message: 'Say in a few words what you did.',
    });
    expect(await listOpenAlerts({ actor: therapist })).toHaveLength(1);
  });

  it('cannot be done twice', async () => {
    const { therapist, client } = await createClinicWithClient();
    const alertId = await addAlert(client, therapist, 1);
    await acknowledgeAlert({ actor: therapist, input: { alertId, action: 'safety_plan_reviewed' } });
    await expect(acknowledgeAlert({ actor: therapist, input: { alertId, action: 'other', note: 'again' } })).rejects.toMatchObject({
      code: 'conflict:alert_acknowledged',
    });
  });

  it('is refused to another therapist of the clinic, to another clinic and to clients, changing nothing', async () => {
    const { clinicId, therapist, client } = await createClinicWithClient();
    const other = await createClinicWithClient();
    const colleague = await createPerson(clinicId, 'therapist');
    const alertId = await addAlert(client, therapist, 1);
    for (const actor of [colleague, other.therapist]) {
      await expect(acknowledgeAlert({ actor, input: { alertId, action: 'contacted_client' } })).rejects.toMatchObject({
        code: 'not_found:alert',
      });
      expect(await listAlertInbox({ actor })).toEqual([]);
    }
    await expect(acknowledgeAlert({ actor: client, input: { alertId, action: 'contacted_client' } })).rejects.toMatchObject({
      code: 'forbidden:role',
    });
    expect(await listOpenAlerts({ actor: therapist })).toHaveLength(1);
  });
});
