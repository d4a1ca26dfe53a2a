import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { createClinicWithClient, TEST_SOURCE } from '@/lib/testing/factories';
import { inviteSchema } from '@/lib/validation/admin';
import { getMyPhone, updatePhone } from './account';
import { acknowledgeAlert, listAlertInbox, listOpenAlerts } from './alerts';
import { listDismissedUrgentSignals } from './clinic-caseloads';
import { recordCheckIn, updateCheckIn } from './check-ins';
import type { Actor } from './context';
import { listSignals, reviewInsight } from './insight-reviews';
import { recomputeClientInsights } from './insights';
import { acceptInvitation, createInvitation } from './invitations';

// A sentence every version of the risk-language screen must flag.
const RISK_NOTE = 'I want to die, I cannot keep going like this';

const alertsOf = (clientId: string) =>
  queryRows<{ id: string; kind: string; source: string; risk_category: string | null; answer: number | null }>(
    getDatabase(),
    sql`select id, kind, source, risk_category, answer from alerts where client_id = ${clientId} order by created_at`,
  );
const checkInRisk = (id: string) =>
  queryRows<{ risk_category: string | null; note: string | null }>(
    getDatabase(),
    sql`select risk_category, note from check_ins where id = ${id}`,
  );

/** A client with risk language in today's check-in note, and the urgent signal the engine stores for it. */
async function clientWithUrgentSignal() {
  const setup = await createClinicWithClient();
  const saved = await recordCheckIn({ actor: setup.client, input: { mood: 2, note: RISK_NOTE } });
  await recomputeClientInsights({ clinicId: setup.clinicId, clientId: setup.client.userId, asOf: saved.localDate });
  const signals = await listSignals({ actor: setup.therapist, clientId: setup.client.userId });
  const urgent = signals.open.find((s) => s.kind === 'crisis_language');
  if (!urgent) throw new Error('no urgent signal stored');
  return { ...setup, urgent };
}

const reviewOf = (therapist: Actor, clientId: string, insightId: string) =>
  listSignals({ actor: therapist, clientId }).then((s) => s.reviewed.filter((r) => r.insightId === insightId));

describe('risk language in a check-in note', () => {
  it('raises the urgent alert with the category, never the words, in the transaction that stores the check-in', async () => {
    const { client, therapist } = await createClinicWithClient();
    const saved = await recordCheckIn({ actor: client, input: { mood: 3, note: RISK_NOTE } });
    expect(saved.hasRiskLanguage).toBe(true);
    const [alert, ...others] = await alertsOf(client.userId);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ kind: 'crisis_language', source: 'check_in_note', answer: null });
    expect(alert?.risk_category).toBe('wish_to_die');
    expect(JSON.stringify(alert)).not.toContain('keep going');
    expect((await checkInRisk(saved.id))[0]?.risk_category).toBe(alert?.risk_category);
    expect((await listOpenAlerts({ actor: therapist })).map((a) => a.clientId)).toEqual([client.userId]);
  });

  it('stores neither the check-in nor the alert when raising the alert fails', async () => {
    const { client } = await createClinicWithClient();
    const db = getDatabase();
    await db.execute(
      sql`create function refuse_alerts() returns trigger language plpgsql as $$ begin raise exception 'alerts are down'; end $$`,
    );
    await db.execute(sql`create trigger refuse_alerts before insert on alerts for each row execute function refuse_alerts()`);
    try {
      await expect(recordCheckIn({ actor: client, input: { mood: 3, note: RISK_NOTE } })).rejects.toThrow();
      const notes = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from check_ins where client_id = ${client.userId} and note is not null`,
      );
      expect(notes).toEqual([{ n: 0 }]);
      expect(await alertsOf(client.userId)).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger refuse_alerts on alerts`);
      await db.execute(sql`drop function refuse_alerts()`);
    }
  });

  it('raises nothing for an ordinary note, and once only for a note changed to speak of risk', async () => {
    const { client } = await createClinicWithClient();
    const saved = await recordCheckIn({ actor: client, input: { mood: 5, note: 'Long day at work, the homework is killing me' } });
    expect(saved.hasRiskLanguage).toBe(false);
    expect(await alertsOf(client.userId)).toEqual([]);

    await updateCheckIn({ actor: client, checkInId: saved.id, input: { mood: 3, note: RISK_NOTE } });
    await updateCheckIn({ actor: client, checkInId: saved.id, input: { mood: 3, note: `${RISK_NOTE}. Still.` } });
    await updateCheckIn({ actor: client, checkInId: saved.id, input: { mood: 4, note: 'Feeling a little better now' } });
    expect(await alertsOf(client.userId)).toHaveLength(1);
    expect((await checkInRisk(saved.id))[0]?.risk_category).not.toBeNull();
  });
});

describe('an alert in the inbox', () => {
  it('carries how to reach the client and when the clinic admin is told', async () => {
    const { client, therapist } = await createClinicWithClient();
    await getDatabase().execute(sql`update users set phone = '+351 912 345 678' where id = ${client.userId}`);
    await getDatabase().execute(sql`update clinics set escalation_hours = 6 where id = ${client.clinicId}`);
    await recordCheckIn({ actor: client, input: { mood: 3, note: RISK_NOTE } });
    const [alert] = await listAlertInbox({ actor: therapist });
    expect(alert?.contact.phone).toBe('+351 912 345 678');
    expect(alert?.contact.email).toMatch(/@/);
    expect(alert?.source).toBe('check_in_note');
    expect(alert && alert.escalatesAt.getTime() - alert.createdAt.getTime()).toBe(6 * 60 * 60 * 1000);
  });
});

describe('one risk event, one workflow', () => {
  it('acknowledging the alert settles its urgent signal, which shows the acknowledgement', async () => {
    const { client, therapist, urgent } = await clientWithUrgentSignal();
    const [alert] = await listOpenAlerts({ actor: therapist });
    await acknowledgeAlert({
      actor: therapist,
      input: { alertId: alert?.id ?? '', action: 'contacted_client', note: 'Phoned; safe tonight.' },
    });

    const signals = await listSignals({ actor: therapist, clientId: client.userId });
    expect(signals.open.map((s) => s.id)).not.toContain(urgent.id);
    const [review] = await reviewOf(therapist, client.userId, urgent.id);
    expect(review).toMatchObject({ action: 'accepted', reason: 'Alert acknowledged: Contacted the client — Phoned; safe tonight.' });
  });

  it('recording what was done on the urgent signal acknowledges its alert', async () => {
    const { client, therapist, urgent } = await clientWithUrgentSignal();
    await reviewInsight({
      actor: therapist,
      clientId: client.userId,
      input: { action: 'acknowledge', insightId: urgent.id, ackAction: 'session_brought_forward' },
    });
    expect(await listOpenAlerts({ actor: therapist })).toEqual([]);
    const [inbox] = await listAlertInbox({ actor: therapist });
    expect(inbox?.acknowledgement).toMatchObject({ action: 'session_brought_forward' });
    expect((await reviewOf(therapist, client.userId, urgent.id))[0]).toMatchObject({
      action: 'accepted',
      reason: 'Alert acknowledged: Brought the session forward',
    });
  });

  it('refuses to snooze or merely accept an urgent signal, changing nothing', async () => {
    const { client, therapist, urgent } = await clientWithUrgentSignal();
    const tomorrow = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await expect(
      reviewInsight({ actor: therapist, clientId: client.userId, input: { action: 'snooze', insightId: urgent.id, until: tomorrow } }),
    ).rejects.toMatchObject({
      code: 'bad_request:input',
      message: 'An urgent signal cannot be snoozed: record what you did, or dismiss it with a reason.',
    });
    await expect(
      reviewInsight({ actor: therapist, clientId: client.userId, input: { action: 'accept', insightId: urgent.id } }),
    ).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    expect((await listSignals({ actor: therapist, clientId: client.userId })).open.map((s) => s.id)).toContain(urgent.id);
    expect(await listOpenAlerts({ actor: therapist })).toHaveLength(1);
  });

  it('dismissing an urgent signal needs a reason, settles the alert, and tells the admin that it happened', async () => {
    const { client, therapist, admin, urgent } = await clientWithUrgentSignal();
    await expect(
      reviewInsight({
        actor: therapist,
        clientId: client.userId,
        input: { action: 'dismiss', insightId: urgent.id, reason: 'other', reasonText: ' ' },
      }),
    ).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    expect(await listOpenAlerts({ actor: therapist })).toHaveLength(1);

    await reviewInsight({
      actor: therapist,
      clientId: client.userId,
      input: { action: 'dismiss', insightId: urgent.id, reason: 'other', reasonText: 'Song lyrics, talked it through' },
    });
    expect(await listOpenAlerts({ actor: therapist })).toEqual([]);
    const [inbox] = await listAlertInbox({ actor: therapist });
    expect(inbox?.acknowledgement).toMatchObject({
      action: 'other',
      note: 'Urgent signal dismissed: Something else: Song lyrics, talked it through',
    });
    const events = await queryRows<{ actor_id: string; subject_client_id: string }>(
      getDatabase(),
      sql`select actor_id, subject_client_id from audit_events where action = 'insight.dismiss_urgent' and subject_id = ${urgent.id}`,
    );
    expect(events).toEqual([{ actor_id: therapist.userId, subject_client_id: client.userId }]);
    const [seen, ...more] = await listDismissedUrgentSignals({ actor: admin });
    expect(more).toEqual([]);
    expect(Object.keys(seen ?? {}).sort()).toEqual(['at', 'clientName', 'therapistName']);
    await expect(listDismissedUrgentSignals({ actor: therapist })).rejects.toMatchObject({ code: 'forbidden:role' });
  });

  it('a routine signal cannot be acknowledged as if urgent', async () => {
    const { client, therapist, urgent } = await clientWithUrgentSignal();
    const db = getDatabase();
    await db.execute(sql`update insights set severity = 'attention' where id = ${urgent.id}`);
    await expect(
      reviewInsight({
        actor: therapist,
        clientId: client.userId,
        input: { action: 'acknowledge', insightId: urgent.id, ackAction: 'contacted_client' },
      }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
    expect(await listOpenAlerts({ actor: therapist })).toHaveLength(1);
  });
});

describe("a client's phone number", () => {
  it('comes with the invitation, and the client can change or remove it; a bad number changes nothing', async () => {
    const { admin, therapist } = await createClinicWithClient();
    const invitation = await createInvitation({
      actor: admin,
      input: inviteSchema.parse({
        email: 'reachable@example.com',
        role: 'client',
        therapistId: therapist.userId,
        phone: '+44 20 7946 0000',
      }),
    });
    await acceptInvitation({
      token: invitation.token,
      input: {
        name: 'Reachable Person',
        password: 'a long enough passphrase',
        confirmPassword: 'a long enough passphrase',
        timeZone: 'Europe/London',
      },
      source: TEST_SOURCE,
    });
    const [row] = await queryRows<{ id: string; phone: string | null }>(
      getDatabase(),
      sql`select id, phone from users where email = 'reachable@example.com'`,
    );
    expect(row?.phone).toBe('+44 20 7946 0000');
    const client: Actor = { userId: row?.id ?? '', clinicId: admin.clinicId, role: 'client' };

    await expect(updatePhone({ actor: client, phone: 'call me maybe' })).rejects.toMatchObject({ code: 'bad_request:input' });
    expect(await getMyPhone({ actor: client })).toBe('+44 20 7946 0000');
    await updatePhone({ actor: client, phone: ' 020 7946 0001 ' });
    expect(await getMyPhone({ actor: client })).toBe('020 7946 0001');
    await updatePhone({ actor: client, phone: '' });
    expect(await getMyPhone({ actor: client })).toBeNull();
  });

  it('is refused on a staff invitation', () => {
    expect(
      inviteSchema.safeParse({ email: 'staff@example.com', role: 'therapist', phone: '+44 20 7946 0000' }).error?.issues[0]?.message,
    ).toBe('Only a client invitation carries a phone number.');
  });
});
