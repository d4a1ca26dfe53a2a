import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows, schema } from '@/db';
import { localDateIn } from '@/lib/dates';
import { TandemError } from '@/lib/errors';
import {
  addAlert,
  addCheckIn,
  addMeasureDaysAgo,
  assign,
  createClinicWithClient,
  createPerson,
  emailOf,
  grant,
  TEST_PASSWORD,
  TEST_SOURCE,
  TEST_TIME_ZONE,
} from '@/lib/testing/factories';
import { inviteSchema, peopleQuerySchema, auditQuerySchema } from '@/lib/validation/admin';
import { exportAuditEvents, listAuditEvents, listAuditFilterOptions, verifyAuditChain } from './audit-log';
import { getCrisisResources } from './alerts';
import { getSessionState, verifyCredentials } from './auth';
import { listCaseload } from './therapist-caseload';
import { assignClients, listAssignmentHistory, listCaseloads, previewAssignment, setCaseloadCapacity } from './clinic-caseloads';
import { listCheckIns } from './check-ins';
import { withActor } from './context';
import { acceptInvitation, createInvitation, getInvitation, revokeInvitation } from './invitations';
import { listPeople, setPersonActive } from './people';
import { getClinicSettings, updateClinicSettings } from './settings';

const everyone = peopleQuerySchema.parse({});
const allEvents = auditQuerySchema.parse({});
const acceptance = { name: 'New Person', password: 'a long enough pass', confirmPassword: 'a long enough pass', timeZone: 'Europe/London' };
const settings = {
  crisisResources: 'Call 999 in an emergency, or Samaritans on 116 123 at any hour.',
  crisisResponseTime: 'within four working hours',
  measureCadenceDays: 21,
  escalationHours: 12,
  phq9ReliableChange: 6,
  gad7ReliableChange: 4,
  timeZone: 'Europe/London',
};

describe('invitations', () => {
  it('invite a therapist who accepts once, then signs in; the link cannot be used again', async () => {
    const { admin } = await createClinicWithClient();
    const invitation = await createInvitation({
      actor: admin,
      input: inviteSchema.parse({ email: ' New.Therapist@Example.com ', role: 'therapist' }),
    });
    expect(invitation.email).toBe('new.therapist@example.com');
    const [stored] = await queryRows<{ token_hash: string }>(
      getDatabase(),
      sql`select token_hash from invitations where id = ${invitation.invitationId}`,
    );
    expect(stored?.token_hash).not.toContain(invitation.token);

    expect(await getInvitation({ token: invitation.token })).toMatchObject({
      state: 'valid',
      role: 'therapist',
      email: 'new.therapist@example.com',
    });
    expect(await acceptInvitation({ token: invitation.token, input: acceptance, source: TEST_SOURCE })).toEqual({
      status: 'accepted',
      email: 'new.therapist@example.com',
    });
    const signedIn = await verifyCredentials({ email: 'new.therapist@example.com', password: acceptance.password });
    expect(signedIn).toMatchObject({ clinicId: admin.clinicId, role: 'therapist', name: 'New Person' });

    expect(await getInvitation({ token: invitation.token })).toEqual({ state: 'used' });
    expect(
      await acceptInvitation({ token: invitation.token, input: { ...acceptance, name: 'Someone else' }, source: TEST_SOURCE }),
    ).toEqual({ status: 'used' });
    const [accepted] = await queryRows<{ action: string; actor_id: string }>(
      getDatabase(),
      sql`select action, actor_id from audit_events where action = 'invitation.accept' and clinic_id = ${admin.clinicId}`,
    );
    expect(accepted?.actor_id).toBe(signedIn?.userId);
  });

  it('a client invitation assigns the client to the named therapist', async () => {
    const { admin, therapist } = await createClinicWithClient();
    const invitation = await createInvitation({
      actor: admin,
      input: inviteSchema.parse({ email: 'new.client@example.com', role: 'client', therapistId: therapist.userId }),
    });
    await acceptInvitation({ token: invitation.token, input: acceptance, source: TEST_SOURCE });
    const caseload = (await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows;
    expect(caseload.map((c) => c.name)).toContain('New Person');
  });

  it('expired, revoked and unknown links say so and create nothing', async () => {
    const { admin } = await createClinicWithClient();
    const expired = await createInvitation({ actor: admin, input: inviteSchema.parse({ email: 'late@example.com', role: 'admin' }) });
    await getDatabase().execute(
      sql`update invitations set created_at = now() - interval '10 days', expires_at = now() - interval '1 day' where id = ${expired.invitationId}`,
    );
    expect(await getInvitation({ token: expired.token })).toEqual({ state: 'expired' });
    expect(await acceptInvitation({ token: expired.token, input: acceptance, source: TEST_SOURCE })).toEqual({ status: 'expired' });

    const revoked = await createInvitation({
      actor: admin,
      input: inviteSchema.parse({ email: 'withdrawn@example.com', role: 'therapist' }),
    });
    await revokeInvitation({ actor: admin, invitationId: revoked.invitationId });
    expect(await getInvitation({ token: revoked.token })).toEqual({ state: 'revoked' });
    expect(await acceptInvitation({ token: revoked.token, input: acceptance, source: TEST_SOURCE })).toEqual({ status: 'revoked' });

    expect(await getInvitation({ token: 'x'.repeat(43) })).toEqual({ state: 'not_found' });
    expect(await getInvitation({ token: '../etc' })).toEqual({ state: 'not_found' });
    const users = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from users where email in ('late@example.com', 'withdrawn@example.com')`,
    );
    expect(users[0]?.n).toBe(0);
  });

  it('refuses a second invitation to someone already in the clinic', async () => {
    const { admin, therapist } = await createClinicWithClient();
    await expect(
      createInvitation({ actor: admin, input: inviteSchema.parse({ email: await emailOf(therapist.userId), role: 'therapist' }) }),
    ).rejects.toMatchObject({ code: 'conflict:email_taken' });
    await createInvitation({ actor: admin, input: inviteSchema.parse({ email: 'twice@example.com', role: 'therapist' }) });
    await expect(
      createInvitation({ actor: admin, input: inviteSchema.parse({ email: 'twice@example.com', role: 'admin' }) }),
    ).rejects.toMatchObject({ code: 'conflict:email_taken' });
  });

  it('an invitee whose email already has an account elsewhere is told so, and nothing is created', async () => {
    const a = await createClinicWithClient('A');
    const b = await createClinicWithClient('B');
    const invitation = await createInvitation({
      actor: a.admin,
      input: inviteSchema.parse({ email: await emailOf(b.therapist.userId), role: 'therapist' }),
    });
    expect(await acceptInvitation({ token: invitation.token, input: acceptance, source: TEST_SOURCE })).toEqual({ status: 'email_taken' });
    expect(await getInvitation({ token: invitation.token })).toMatchObject({ state: 'valid' });
  });
});

describe('people', () => {
  it('lists members and pending invitations with status, searchable and filterable', async () => {
    const { admin, therapist } = await createClinicWithClient();
    await createInvitation({ actor: admin, input: inviteSchema.parse({ email: 'pending@example.com', role: 'therapist' }) });
    const all = await listPeople({ actor: admin, query: everyone });
    expect(all.total).toBe(4);
    expect(all.rows.find((p) => p.email === 'pending@example.com')).toMatchObject({ status: 'invited', kind: 'invitation' });
    const therapists = await listPeople({ actor: admin, query: peopleQuerySchema.parse({ role: 'therapist', status: 'active' }) });
    expect(therapists.rows.map((p) => p.id)).toEqual([therapist.userId]);
    const search = await listPeople({ actor: admin, query: peopleQuerySchema.parse({ q: 'PENDING' }) });
    expect(search.rows).toHaveLength(1);
  });

  it('deactivation ends the person’s session at once and keeps their records; reactivation restores sign-in', async () => {
    const { admin, client } = await createClinicWithClient();
    expect(await getSessionState(client)).not.toBeNull();
    await setPersonActive({ actor: admin, userId: client.userId, isActive: false });
    expect(await getSessionState(client)).toBeNull();
    expect(await verifyCredentials({ email: await emailOf(client.userId), password: TEST_PASSWORD })).toBeNull();
    const kept = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from check_ins where client_id = ${client.userId}`,
    );
    expect(kept[0]?.n).toBe(2);
    await setPersonActive({ actor: admin, userId: client.userId, isActive: true });
    expect(await verifyCredentials({ email: await emailOf(client.userId), password: TEST_PASSWORD })).not.toBeNull();
  });

  it('the clinic’s last active admin cannot be deactivated', async () => {
    const { admin, clinicId } = await createClinicWithClient();
    await expect(setPersonActive({ actor: admin, userId: admin.userId, isActive: false })).rejects.toMatchObject({
      code: 'conflict:last_admin',
    });
    const second = await createPerson(clinicId, 'admin');
    await setPersonActive({ actor: admin, userId: second.userId, isActive: false });
    await expect(setPersonActive({ actor: admin, userId: admin.userId, isActive: false })).rejects.toMatchObject({
      code: 'conflict:last_admin',
    });
    await setPersonActive({ actor: admin, userId: second.userId, isActive: true });
    await setPersonActive({ actor: admin, userId: admin.userId, isActive: false });
    expect(await getSessionState(admin)).toBeNull();
  });
});

describe('caseloads', () => {
  it('reassignment ends the old therapist’s access at once, asks for consent anew and keeps the history', async () => {
    const { admin, clinicId, client, therapist } = await createClinicWithClient();
    const next = await createPerson(clinicId, 'therapist', 'Next Therapist');
    await grant(client, therapist, 'checkins');
    expect(await listCheckIns({ actor: therapist, clientId: client.userId })).toHaveLength(2);

    const preview = await previewAssignment({ actor: admin, input: { clientIds: [client.userId], therapistId: next.userId } });
    expect(preview.rows).toEqual([
      expect.objectContaining({ clientId: client.userId, isUnchanged: false, fromTherapistName: expect.any(String) }),
    ]);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows).toHaveLength(1);

    expect(await assignClients({ actor: admin, input: { clientIds: [client.userId], therapistId: next.userId } })).toEqual({
      changed: 1,
      unchanged: 0,
    });
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows).toEqual([]);
    await expect(listCheckIns({ actor: therapist, clientId: client.userId })).rejects.toThrow(TandemError);
    // Nothing carries over: the new therapist sees the client but none of their data yet.
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: next })).rows.map((c) => [c.clientId, c.sharing])).toEqual([
      [client.userId, []],
    ]);
    await expect(listCheckIns({ actor: next, clientId: client.userId })).rejects.toThrow(TandemError);
    const grants = await queryRows<{ revoked: boolean }>(
      getDatabase(),
      sql`select revoked_at is not null as revoked from consent_grants where client_id = ${client.userId}`,
    );
    expect(grants).toEqual([{ revoked: true }]);
    // Back to the first therapist: still nothing shared until the client chooses again.
    await assignClients({ actor: admin, input: { clientIds: [client.userId], therapistId: therapist.userId } });
    await expect(listCheckIns({ actor: therapist, clientId: client.userId })).rejects.toThrow(TandemError);

    const history = await listAssignmentHistory({ actor: admin, clientId: client.userId });
    expect(history.rows.map((h) => [h.therapistName, h.endedAt === null])).toEqual([
      [expect.any(String), true],
      ['Next Therapist', false],
      [expect.any(String), false],
    ]);
    const events = await queryRows<{ action: string }>(
      getDatabase(),
      sql`select action from audit_events where subject_client_id = ${client.userId} and action like 'caseload.%assign' order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(['caseload.reassign', 'caseload.reassign']);
  });

  it('assigns many unassigned clients at once and reports those already there', async () => {
    const { admin, clinicId, therapist, client } = await createClinicWithClient();
    const newcomers = [await createPerson(clinicId, 'client'), await createPerson(clinicId, 'client')];
    const before = await listCaseloads({ actor: admin });
    expect(
      before.clients
        .filter((c) => !c.therapistId)
        .map((c) => c.clientId)
        .sort(),
    ).toEqual(newcomers.map((c) => c.userId).sort());
    const result = await assignClients({
      actor: admin,
      input: { clientIds: [client.userId, ...newcomers.map((c) => c.userId)], therapistId: therapist.userId },
    });
    expect(result).toEqual({ changed: 2, unchanged: 1 });
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows.length).toBe(3);
  });

  it('counts clients not logging, overdue measures and urgent alerts waiting past the escalation time', async () => {
    const { admin, clinicId, therapist, client } = await createClinicWithClient();
    const recent = await createPerson(clinicId, 'client');
    await assign(recent, therapist);
    await addCheckIn(recent, localDateIn('UTC'), 7);
    await addMeasureDaysAgo(recent, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0], 1);
    await addMeasureDaysAgo(recent, 'gad7', [0, 0, 0, 0, 0, 0, 0], 1);
    const newcomer = await createPerson(clinicId, 'client');
    await assign(newcomer, therapist);
    await addAlert(client, therapist, 30);
    await addAlert(recent, therapist, 2);
    await setCaseloadCapacity({ actor: admin, therapistId: therapist.userId, capacity: 12 });

    const caseloads = await listCaseloads({ actor: admin });
    expect(caseloads.therapists).toEqual([
      expect.objectContaining({
        therapistId: therapist.userId,
        capacity: 12,
        activeClients: 3,
        notLogging: 1,
        overdueMeasures: 0,
        waitingAlerts: 1,
      }),
    ]);
    expect(caseloads.waitingAlerts).toEqual([
      { clientId: client.userId, clientName: expect.any(String), therapistName: expect.any(String), waitingSince: expect.any(Date) },
    ]);
    await getDatabase().execute(sql`update clinics set escalation_hours = 1 where id = ${clinicId}`);
    await getDatabase().execute(sql`update memberships set created_at = now() - interval '30 days' where user_id = ${client.userId}`);
    const later = await listCaseloads({ actor: admin });
    expect(later.waitingAlerts).toHaveLength(2);
    expect(later.therapists[0]).toMatchObject({ overdueMeasures: 1, waitingAlerts: 2 });
    await getDatabase().execute(sql`update memberships set created_at = now() - interval '8 days' where user_id = ${newcomer.userId}`);
    expect((await listCaseloads({ actor: admin })).therapists[0]).toMatchObject({ notLogging: 2 });
  });
});

describe('clinic settings', () => {
  it('are saved whole and audited', async () => {
    const { admin } = await createClinicWithClient();
    expect(await getClinicSettings({ actor: admin })).toMatchObject({
      measureCadenceDays: 14,
      escalationHours: 24,
      phq9ReliableChange: 6,
      gad7ReliableChange: 4,
    });
    await updateClinicSettings({ actor: admin, input: settings });
    expect(await getClinicSettings({ actor: admin })).toMatchObject(settings);
    const events = await listAuditEvents({ actor: admin, query: auditQuerySchema.parse({ action: 'clinic.update_settings' }) });
    expect(events.total).toBe(1);
  });

  it('give the clinic’s own crisis response time to its clients, and to no other clinic’s', async () => {
    const { admin, client } = await createClinicWithClient('A');
    const other = await createClinicWithClient('B');
    expect(await getClinicSettings({ actor: admin })).toMatchObject({ crisisResponseTime: 'within one working day' });
    await updateClinicSettings({ actor: admin, input: settings });
    expect(await getCrisisResources({ actor: client })).toEqual({
      resources: settings.crisisResources,
      responseTime: 'within four working hours',
      notifies: 'therapist',
    });
    expect((await getCrisisResources({ actor: other.client })).responseTime).toBe('within one working day');
  });

  it('refuse a blank response time in the database too, changing nothing', async () => {
    const { admin } = await createClinicWithClient();
    await expect(updateClinicSettings({ actor: admin, input: { ...settings, crisisResponseTime: '   ' } })).rejects.toThrow();
    expect(await getClinicSettings({ actor: admin })).toMatchObject({
      crisisResponseTime: 'within one working day',
      measureCadenceDays: 14,
    });
  });
});

describe('audit log', () => {
  it('filters by client and person, and the export is itself audited', async () => {
    const { admin, client, therapist } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    await listCheckIns({ actor: therapist, clientId: client.userId });
    await listCheckIns({ actor: client, clientId: client.userId });
    const forClient = await listAuditEvents({
      actor: admin,
      query: auditQuerySchema.parse({ client: client.userId, actor: therapist.userId }),
    });
    expect(forClient.rows.map((r) => [r.action, r.subjectType, r.outcome, r.actorRole])).toEqual([
      ['check_ins.read', 'check_ins', 'allowed', 'therapist'],
    ]);
    const today = localDateIn('UTC');
    expect((await listAuditEvents({ actor: admin, query: auditQuerySchema.parse({ from: today, to: today }) })).total).toBeGreaterThan(0);
    expect((await listAuditEvents({ actor: admin, query: auditQuerySchema.parse({ to: '2000-01-01' }) })).total).toBe(0);

    const exported = await exportAuditEvents({ actor: admin, query: auditQuerySchema.parse({ client: client.userId }) });
    expect(exported.every((r) => r.clientName !== null)).toBe(true);
    const exports = await listAuditEvents({ actor: admin, query: auditQuerySchema.parse({ action: 'audit_log.export' }) });
    expect(exports.total).toBe(1);
  });

  it('verification finds a row edited by the database owner, and where', async () => {
    const { admin, clinicId, client } = await createClinicWithClient();
    for (let i = 0; i < 4; i++) await listCheckIns({ actor: client, clientId: client.userId });
    expect(await verifyAuditChain({ actor: admin })).toMatchObject({ isIntact: true, checked: 4, checkpoints: { problem: null } });

    await getDatabase().execute(sql`update audit_events set outcome = 'denied' where clinic_id = ${clinicId} and seq = 3`);
    expect(await verifyAuditChain({ actor: admin })).toMatchObject({
      isIntact: false,
      checked: 2,
      firstBreak: { seq: 3, reason: 'altered_event' },
    });
  });

  it('verification finds a deleted row', async () => {
    const { admin, clinicId, client } = await createClinicWithClient();
    for (let i = 0; i < 3; i++) await listCheckIns({ actor: client, clientId: client.userId });
    await getDatabase().execute(sql`delete from audit_events where clinic_id = ${clinicId} and seq = 2`);
    expect(await verifyAuditChain({ actor: admin })).toMatchObject({ isIntact: false, firstBreak: { seq: 3, reason: 'missing_event' } });
  });
});

describe('what an admin can reach', () => {
  it('nothing clinical: no check-in values, answers, journals, notes, insights or alert content', async () => {
    const { admin, client, therapist, clinicId } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    await getDatabase().execute(sql`update check_ins set note = 'MARKER-CHECKIN-NOTE' where client_id = ${client.userId}`);
    await addMeasureDaysAgo(client, 'phq9', [3, 3, 3, 3, 3, 3, 3, 3, 3], 2);
    await addAlert(client, therapist, 48);
    await getDatabase()
      .insert(schema.journalEntries)
      .values({ clinicId, clientId: client.userId, localDate: '2026-11-01', ciphertext: 'MARKER-JOURNAL' });
    await getDatabase().insert(schema.insights).values({
      clinicId,
      clientId: client.userId,
      key: 'k',
      kind: 'decline',
      scope: 'checkins',
      severity: 'attention',
      direction: 'worsening',
      windowStart: '2026-11-01',
      windowEnd: '2026-11-02',
      summary: 'MARKER-INSIGHT',
      evidence: {},
      engineVersion: 'test',
    });

    const outputs = [
      await listPeople({ actor: admin, query: everyone }),
      await listCaseloads({ actor: admin }),
      await listAssignmentHistory({ actor: admin, clientId: client.userId }),
      await listAuditEvents({ actor: admin, query: allEvents }),
      await exportAuditEvents({ actor: admin, query: allEvents }),
      await listAuditFilterOptions({ actor: admin }),
      await getClinicSettings({ actor: admin }),
    ];
    const text = JSON.stringify(outputs);
    for (const marker of ['MARKER', 'mood', '"items"', 'answer', 'ciphertext', 'summary']) expect(text).not.toContain(marker);

    await expect(listCheckIns({ actor: admin, clientId: client.userId })).rejects.toThrow(TandemError);
    const direct = await withActor(admin, (tx) =>
      queryRows<Record<string, number>>(
        tx,
        sql`select (select count(*)::int from check_ins) as check_ins, (select count(*)::int from measure_responses) as measures,
                   (select count(*)::int from journal_entries) as journal, (select count(*)::int from insights) as insights,
                   (select count(*)::int from alerts) as alerts, (select count(*)::int from session_notes) as notes,
                   (select count(*)::int from private_notes) as private_notes`,
      ),
    );
    expect(direct[0]).toEqual({ check_ins: 0, measures: 0, journal: 0, insights: 0, alerts: 0, notes: 0, private_notes: 0 });
  });

  it('the admin-only database functions answer nobody else', async () => {
    const { client, therapist } = await createClinicWithClient();
    await addAlert(client, therapist, 48);
    for (const actor of [client, therapist]) {
      const rows = await withActor(actor, (tx) =>
        queryRows<{ activity: number; waiting: number }>(
          tx,
          sql`select (select count(*)::int from admin_client_activity()) as activity, (select count(*)::int from admin_waiting_alerts()) as waiting`,
        ),
      );
      expect(rows[0]).toEqual({ activity: 0, waiting: 0 });
    }
  });

  it('nothing from another clinic', async () => {
    const a = await createClinicWithClient('A');
    const b = await createClinicWithClient('B');
    await listCheckIns({ actor: b.client, clientId: b.client.userId });
    const bInvite = await createInvitation({
      actor: b.admin,
      input: inviteSchema.parse({ email: 'b-only@example.com', role: 'therapist' }),
    });

    const people = await listPeople({ actor: a.admin, query: everyone });
    expect(people.rows.map((p) => p.id)).not.toContain(b.client.userId);
    expect(people.rows.map((p) => p.email)).not.toContain('b-only@example.com');
    const caseloads = await listCaseloads({ actor: a.admin });
    expect(JSON.stringify(caseloads)).not.toContain(b.client.userId);
    expect(JSON.stringify(caseloads)).not.toContain(b.therapist.userId);
    const log = await exportAuditEvents({ actor: a.admin, query: allEvents });
    expect(log.some((r) => r.action === 'check_ins.read')).toBe(false);

    await expect(setPersonActive({ actor: a.admin, userId: b.client.userId, isActive: false })).rejects.toMatchObject({
      code: 'not_found:person',
    });
    await expect(revokeInvitation({ actor: a.admin, invitationId: bInvite.invitationId })).rejects.toMatchObject({
      code: 'not_found:invitation',
    });
    await expect(
      assignClients({ actor: a.admin, input: { clientIds: [b.client.userId], therapistId: a.therapist.userId } }),
    ).rejects.toMatchObject({ code: 'not_found:client' });
    await expect(
      assignClients({ actor: a.admin, input: { clientIds: [a.client.userId], therapistId: b.therapist.userId } }),
    ).rejects.toMatchObject({ code: 'not_found:person' });
    await expect(setCaseloadCapacity({ actor: a.admin, therapistId: b.therapist.userId, capacity: 3 })).rejects.toMatchObject({
      code: 'not_found:person',
    });
    await expect(
      createInvitation({
        actor: a.admin,
        input: inviteSchema.parse({ email: 'x@example.com', role: 'client', therapistId: b.therapist.userId }),
      }),
    ).rejects.toMatchObject({ code: 'not_found:person' });
    await expect(listAssignmentHistory({ actor: a.admin, clientId: b.client.userId })).rejects.toMatchObject({ code: 'not_found:client' });
    expect((await verifyAuditChain({ actor: a.admin })).isIntact).toBe(true);
    expect(await getSessionState(b.client)).not.toBeNull();
  });

  it('a therapist or a client calling any admin action is refused', async () => {
    const { client, therapist, admin } = await createClinicWithClient();
    const invite = inviteSchema.parse({ email: 'sneaky@example.com', role: 'admin' });
    for (const actor of [client, therapist]) {
      const calls = [
        () => createInvitation({ actor, input: invite }),
        () => revokeInvitation({ actor, invitationId: admin.userId }),
        () => listPeople({ actor, query: everyone }),
        () => setPersonActive({ actor, userId: admin.userId, isActive: false }),
        () => listCaseloads({ actor }),
        () => previewAssignment({ actor, input: { clientIds: [client.userId], therapistId: therapist.userId } }),
        () => assignClients({ actor, input: { clientIds: [client.userId], therapistId: therapist.userId } }),
        () => setCaseloadCapacity({ actor, therapistId: therapist.userId, capacity: 1 }),
        () => listAssignmentHistory({ actor, clientId: client.userId }),
        () => getClinicSettings({ actor }),
        () => updateClinicSettings({ actor, input: settings }),
        () => listAuditEvents({ actor, query: allEvents }),
        () => exportAuditEvents({ actor, query: allEvents }),
        () => listAuditFilterOptions({ actor }),
        () => verifyAuditChain({ actor }),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'forbidden:role' });
    }
    // And the database refuses them too, whatever the DAL does.
    await expect(withActor(therapist, (tx) => tx.update(schema.clinics).set({ escalationHours: 1 }).returning())).resolves.toEqual([]);
    expect(await getSessionState(admin)).not.toBeNull();
  });
});
