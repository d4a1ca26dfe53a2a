import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { TandemError } from '@/lib/errors';
import { createClinic, createPerson, emailOf, TEST_PASSWORD, TEST_SOURCE } from '@/lib/testing/factories';
import type { Actor } from './context';
import { changePassword } from './account';
import { checkSession, endAllSessions, endSession, listMySessions, signIn, type SignInOutcome } from './auth';
import { acceptInvitation, createInvitation } from './invitations';
import { listRepeatedSignInFailures } from './sign-in-failures';
import { recordThrottleFailure, throttleKey, throttleRules } from './throttle';
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, getTwoFactorStatus, resetTwoFactorFor } from './two-factor';

const db = () => getDatabase();
const device = 'Chrome on macOS';

async function staffClinic({ requireTwoFactor }: { requireTwoFactor: boolean }) {
  const clinicId = await createClinic();
  await db().execute(sql`update clinics set require_two_factor = ${requireTwoFactor} where id = ${clinicId}`);
  return clinicId;
}

async function signInAs(actor: Actor, extra: { password?: string; code?: string; source?: string } = {}): Promise<SignInOutcome> {
  return signIn({
    email: await emailOf(actor.userId),
    password: extra.password ?? TEST_PASSWORD,
    code: extra.code,
    source: extra.source ?? TEST_SOURCE,
    device,
  });
}

function sessionOf(outcome: SignInOutcome) {
  if (outcome.status !== 'signed-in') throw new Error(`expected a sign-in, got ${outcome.status}`);
  return { sessionId: outcome.sessionId, sessionVersion: outcome.user.sessionVersion };
}

/** Enrols the person and returns their plain secret (read back from the key the page shows) and backup codes. */
async function enrol(actor: Actor) {
  const key = await beginTwoFactorEnrolment({ actor });
  if (!key) throw new Error('already enrolled');
  const secret = key.manualKey.replace(/\s/g, '');
  const enrolmentCode = await generate({ secret });
  const confirmed = await confirmTwoFactorEnrolment({ actor, code: enrolmentCode });
  if (confirmed.status !== 'enabled') throw new Error(`enrolment failed: ${confirmed.status}`);
  return { secret, enrolmentCode, backupCodes: confirmed.backupCodes };
}

describe('sign-in failures', () => {
  it('answer the same for an unknown email and a wrong password, record both, and audit the known account', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    const therapist = await createPerson(clinicId, 'therapist');
    expect(await signInAs(therapist, { password: 'not the password at all' })).toEqual({ status: 'refused' });
    expect(await signIn({ email: 'nobody@test.tandem.test', password: TEST_PASSWORD, source: TEST_SOURCE, device })).toEqual({
      status: 'refused',
    });

    const failures = await queryRows<{ user_id: string | null; clinic_id: string | null; source: string; reason: string }>(
      db(),
      sql`select user_id, clinic_id, source, reason from sign_in_failures order by occurred_at`,
    );
    expect(failures).toEqual([
      { user_id: therapist.userId, clinic_id: clinicId, source: TEST_SOURCE, reason: 'wrong_password' },
      { user_id: null, clinic_id: null, source: TEST_SOURCE, reason: 'unknown_account' },
    ]);
    // Nothing of what was typed is stored: no column holds an email or a password.
    const columns = await queryRows<{ column_name: string }>(
      db(),
      sql`select column_name from information_schema.columns where table_name = 'sign_in_failures'`,
    );
    expect(columns.map((c) => c.column_name).sort()).toEqual(['clinic_id', 'id', 'occurred_at', 'reason', 'source', 'user_id']);
    const audit = await queryRows<{ action: string; outcome: string }>(
      db(),
      sql`select action, outcome from audit_events where subject_id = ${therapist.userId}`,
    );
    expect(audit).toEqual([{ action: 'account.sign_in', outcome: 'denied' }]);
  });

  it('show the admin accounts with repeated failures, only in their own clinic', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    const admin = await createPerson(clinicId, 'admin');
    const therapist = await createPerson(clinicId, 'therapist', 'Dana Target');
    const otherAdmin = await createPerson(await createClinic('Other'), 'admin');
    for (const source of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      await signInAs(therapist, { password: 'wrong guess number one', source });
    expect(await listRepeatedSignInFailures({ actor: admin })).toMatchObject([
      { userId: therapist.userId, name: 'Dana Target', failures: 3, sources: 3 },
    ]);
    expect(await listRepeatedSignInFailures({ actor: otherAdmin })).toEqual([]);
    await expect(listRepeatedSignInFailures({ actor: therapist })).rejects.toThrow(TandemError);
  });
});

describe('throttling', () => {
  it('delays the fifth try on one account from one address, even with the right password', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: false }), 'therapist');
    for (let i = 0; i < 4; i += 1) expect(await signInAs(therapist, { password: 'a wrong password' })).toEqual({ status: 'refused' });
    expect(await signInAs(therapist)).toEqual({ status: 'throttled', retryAfterSeconds: 1 });
    // Another address is not held up by this one's mistakes.
    expect((await signInAs(therapist, { source: '198.51.100.7' })).status).toBe('signed-in');
  });

  it('blocks an account for a quarter hour after ten failures from one address, the same whether or not it exists', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: false }), 'therapist');
    for (const email of [await emailOf(therapist.userId), 'nobody@test.tandem.test']) {
      const checks = [{ name: 'signInPair' as const, key: throttleKey(email, TEST_SOURCE) }];
      for (let i = 0; i < throttleRules.signInPair.points + 1; i += 1) await recordThrottleFailure(checks);
      const outcome = await signIn({ email, password: TEST_PASSWORD, source: TEST_SOURCE, device });
      expect(outcome.status).toBe('throttled');
      expect(outcome.status === 'throttled' && outcome.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(outcome.status === 'throttled' && outcome.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    const reasons = await queryRows<{ reason: string }>(db(), sql`select reason from sign_in_failures where user_id = ${therapist.userId}`);
    expect(reasons).toEqual([{ reason: 'throttled' }]);
  });

  it('stops one address that tries a hundred accounts (password spraying)', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: false }), 'therapist');
    const spray = '203.0.113.9';
    for (let i = 0; i < throttleRules.signInSource.points + 1; i += 1)
      await recordThrottleFailure([{ name: 'signInSource', key: throttleKey(spray) }]);
    expect((await signInAs(therapist, { source: spray })).status).toBe('throttled');
    expect((await signInAs(therapist)).status).toBe('signed-in');
  });

  it('keeps no email or address in clear in its table', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: false }), 'therapist');
    await signInAs(therapist, { password: 'a wrong password' });
    const keys = await queryRows<{ key: string }>(db(), sql`select key from rate_limits`);
    expect(keys.length).toBeGreaterThan(0);
    const email = await emailOf(therapist.userId);
    for (const { key } of keys) {
      expect(key).not.toContain(email);
      expect(key).not.toContain(TEST_SOURCE);
    }
  });

  it('limits guesses at invitation links per address', async () => {
    const source = '203.0.113.44';
    const input = { name: 'Guesser', password: 'a long enough passphrase', confirmPassword: 'a long enough passphrase', timeZone: 'UTC' };
    const token = 'A'.repeat(43);
    for (let i = 0; i < 4; i += 1) expect(await acceptInvitation({ token, input, source })).toEqual({ status: 'not_found' });
    expect(await acceptInvitation({ token, input, source })).toEqual({ status: 'throttled', retryAfterSeconds: 1 });
    expect(await acceptInvitation({ token, input, source: '203.0.113.45' })).toEqual({ status: 'not_found' });
    for (let i = 0; i < throttleRules.invitation.points; i += 1)
      await recordThrottleFailure([{ name: 'invitation', key: throttleKey('invitation', source) }]);
    const blocked = await acceptInvitation({ token, input, source });
    expect(blocked.status === 'throttled' && blocked.retryAfterSeconds).toBeGreaterThan(59 * 60);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with an encrypted key and ten hashed backup codes, then asks for a code at sign-in', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: true }), 'therapist');
    const { secret, enrolmentCode, backupCodes } = await enrol(therapist);
    expect(backupCodes).toHaveLength(10);
    const [stored] = await queryRows<{ totp_secret_ciphertext: string; backup_code_hashes: string[] }>(
      db(),
      sql`select totp_secret_ciphertext, backup_code_hashes from users where id = ${therapist.userId}`,
    );
    expect(stored?.totp_secret_ciphertext).not.toContain(secret);
    expect(stored?.backup_code_hashes).toHaveLength(10);
    expect(stored?.backup_code_hashes.every((h) => h.startsWith('$argon2id$'))).toBe(true);

    expect(await signInAs(therapist)).toEqual({ status: 'code-required' });
    // The code the enrolment used cannot be used again (the very code, not this moment's: the
    // 30-second step may have turned since); the next step's can.
    expect(await signInAs(therapist, { code: enrolmentCode })).toEqual({ status: 'wrong-code' });
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect((await signInAs(therapist, { code: next })).status).toBe('signed-in');
    expect(await signInAs(therapist, { code: next })).toEqual({ status: 'wrong-code' });
  });

  it('accepts each backup code once', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: true }), 'therapist');
    const { backupCodes } = await enrol(therapist);
    const code = (backupCodes[3] as string).toLowerCase().replace('-', ' ');
    expect((await signInAs(therapist, { code })).status).toBe('signed-in');
    expect(await signInAs(therapist, { code })).toEqual({ status: 'wrong-code' });
    expect((await getTwoFactorStatus({ actor: therapist })).backupCodesLeft).toBe(9);
  });

  it('refuses a wrong enrolment code and throttles code guessing', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: true }), 'therapist');
    await beginTwoFactorEnrolment({ actor: therapist });
    expect(await confirmTwoFactorEnrolment({ actor: therapist, code: '000000' })).toMatchObject({ status: 'wrong-code' });
    expect((await getTwoFactorStatus({ actor: therapist })).isEnabled).toBe(false);
    for (let i = 0; i < throttleRules.code.points; i += 1) await confirmTwoFactorEnrolment({ actor: therapist, code: '000000' });
    expect(await confirmTwoFactorEnrolment({ actor: therapist, code: '000000' })).toMatchObject({ status: 'throttled' });
  });

  it('turns off only with the password and a code', async () => {
    const therapist = await createPerson(await staffClinic({ requireTwoFactor: false }), 'therapist');
    const { secret } = await enrol(therapist);
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await disableTwoFactor({ actor: therapist, password: 'not my password', code })).toEqual({ status: 'wrong-password' });
    expect(await disableTwoFactor({ actor: therapist, password: TEST_PASSWORD, code: '123456' })).toEqual({ status: 'wrong-code' });
    expect(await disableTwoFactor({ actor: therapist, password: TEST_PASSWORD, code })).toEqual({ status: 'disabled' });
    expect((await signInAs(therapist)).status).toBe('signed-in');
  });

  it('can be reset by an admin of the same clinic, ending the colleague’s sessions, audited', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: true });
    const admin = await createPerson(clinicId, 'admin');
    const therapist = await createPerson(clinicId, 'therapist');
    const { secret } = await enrol(therapist);
    const session = sessionOf(await signInAs(therapist, { code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) }));
    const outsider = await createPerson(await createClinic('Elsewhere'), 'admin');
    await expect(resetTwoFactorFor({ actor: outsider, personId: therapist.userId })).rejects.toThrow(TandemError);
    await expect(resetTwoFactorFor({ actor: therapist, personId: admin.userId })).rejects.toThrow(TandemError);

    await resetTwoFactorFor({ actor: admin, personId: therapist.userId });
    expect(await checkSession({ actor: therapist, ...session })).toEqual({ status: 'ended', reason: 'expired' });
    const after = sessionOf(await signInAs(therapist));
    expect(await checkSession({ actor: therapist, ...after })).toMatchObject({ status: 'active', state: { mustEnrolTwoFactor: true } });
    const audit = await queryRows<{ actor_id: string }>(
      db(),
      sql`select actor_id from audit_events where action = 'account.reset_two_factor' and subject_id = ${therapist.userId}`,
    );
    expect(audit).toEqual([{ actor_id: admin.userId }]);
  });

  it('sends staff without it to enrolment when the clinic requires it, and only invites them otherwise', async () => {
    const required = await staffClinic({ requireTwoFactor: true });
    const optional = await staffClinic({ requireTwoFactor: false });
    const cases = [
      [await createPerson(required, 'therapist'), { mustEnrolTwoFactor: true, isInvitedToTwoFactor: false, idleMinutes: 30 }],
      [await createPerson(required, 'client'), { mustEnrolTwoFactor: false, isInvitedToTwoFactor: false, idleMinutes: null }],
      [await createPerson(optional, 'admin'), { mustEnrolTwoFactor: false, isInvitedToTwoFactor: true, idleMinutes: 30 }],
    ] as const;
    for (const [person, expected] of cases) {
      expect(await checkSession({ actor: person, ...sessionOf(await signInAs(person)) })).toMatchObject({
        status: 'active',
        state: expected,
      });
    }
  });
});

describe('sessions', () => {
  it('end on sign-out, on "sign out everywhere", after 12 hours, and for staff after the idle limit', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    const therapist = await createPerson(clinicId, 'therapist');
    const client = await createPerson(clinicId, 'client');

    const first = sessionOf(await signInAs(therapist));
    const second = sessionOf(await signInAs(therapist));
    expect(
      (await listMySessions({ actor: therapist, currentSessionId: first.sessionId })).map((s) => [s.id, s.isCurrent, s.device]),
    ).toEqual(
      expect.arrayContaining([
        [first.sessionId, true, device],
        [second.sessionId, false, device],
      ]),
    );
    // Someone else cannot end this person's session.
    expect(await endSession({ actor: client, sessionId: first.sessionId })).toBe(false);
    expect(await endSession({ actor: therapist, sessionId: first.sessionId })).toBe(true);
    expect(await checkSession({ actor: therapist, ...first })).toEqual({ status: 'ended', reason: 'signed-out' });
    expect(await checkSession({ actor: therapist, ...second })).toMatchObject({ status: 'active' });
    expect((await listMySessions({ actor: therapist, currentSessionId: null })).map((s) => s.id)).toEqual([second.sessionId]);

    await db().execute(sql`update user_sessions set last_seen_at = now() - interval '31 minutes' where id = ${second.sessionId}`);
    expect(await listMySessions({ actor: therapist, currentSessionId: null, idleMinutes: 30 })).toEqual([]);
    expect(await checkSession({ actor: therapist, ...second })).toEqual({ status: 'ended', reason: 'idle' });
    // A clinic may allow longer; clients are not limited by idleness, only by the 12 hours.
    const clientSession = sessionOf(await signInAs(client));
    await db().execute(sql`update user_sessions set last_seen_at = now() - interval '3 hours' where id = ${clientSession.sessionId}`);
    expect(await checkSession({ actor: client, ...clientSession })).toMatchObject({ status: 'active' });
    // Someone else's session is no session at all, even with a token naming its id.
    expect(await checkSession({ actor: therapist, sessionId: clientSession.sessionId, sessionVersion: second.sessionVersion })).toEqual({
      status: 'ended',
      reason: 'signed-out',
    });
    await db().execute(
      sql`update user_sessions set created_at = now() - interval '12 hours 1 minute' where id = ${clientSession.sessionId}`,
    );
    expect(await checkSession({ actor: client, ...clientSession })).toEqual({ status: 'ended', reason: 'expired' });

    const third = sessionOf(await signInAs(therapist));
    await endAllSessions(therapist);
    expect(await checkSession({ actor: therapist, ...third })).toEqual({ status: 'ended', reason: 'expired' });
  });

  it('follow the clinic’s idle limit', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    await db().execute(sql`update clinics set staff_idle_minutes = 60 where id = ${clinicId}`);
    const admin = await createPerson(clinicId, 'admin');
    const session = sessionOf(await signInAs(admin));
    await db().execute(sql`update user_sessions set last_seen_at = now() - interval '45 minutes' where id = ${session.sessionId}`);
    expect(await checkSession({ actor: admin, ...session })).toMatchObject({ status: 'active', state: { idleMinutes: 60 } });
    await expect(db().execute(sql`update clinics set staff_idle_minutes = 2 where id = ${clinicId}`)).rejects.toThrow();
  });

  it('are marked as seen when a check finds them active, and only then', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    const therapist = await createPerson(clinicId, 'therapist');
    const minutesIdle = async (sessionId: string) =>
      (
        await queryRows<{ minutes: number }>(
          db(),
          sql`select extract(epoch from now() - last_seen_at)::float / 60 as minutes from user_sessions where id = ${sessionId}`,
        )
      )[0]?.minutes;
    const active = sessionOf(await signInAs(therapist));
    await db().execute(sql`update user_sessions set last_seen_at = now() - interval '20 minutes' where id = ${active.sessionId}`);
    expect(await checkSession({ actor: therapist, ...active })).toMatchObject({ status: 'active' });
    expect(await minutesIdle(active.sessionId)).toBeLessThan(1);

    // A session from before the person signed out everywhere is not kept alive by being presented.
    const stale = sessionOf(await signInAs(therapist));
    await db().execute(sql`update user_sessions set last_seen_at = now() - interval '20 minutes' where id = ${stale.sessionId}`);
    expect(await checkSession({ actor: therapist, ...stale, sessionVersion: stale.sessionVersion + 1 })).toEqual({
      status: 'ended',
      reason: 'expired',
    });
    expect(await minutesIdle(stale.sessionId)).toBeGreaterThan(19);
  });
});

describe('passwords', () => {
  it('are changed only with the current one, to one that meets the role’s rule', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    const therapist = await createPerson(clinicId, 'therapist');
    const input = (newPassword: string, currentPassword = TEST_PASSWORD) => ({
      currentPassword,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(await changePassword({ actor: therapist, input: input('lantern river meadow', 'wrong current one') })).toEqual({
      status: 'wrong-password',
    });
    expect(await changePassword({ actor: therapist, input: input('password1234') })).toMatchObject({ status: 'weak-password' });
    // 11 characters: enough for a client, not for staff.
    expect(await changePassword({ actor: therapist, input: input('kx9!vb2#qlm') })).toMatchObject({
      status: 'weak-password',
      message: expect.stringContaining('12 characters'),
    });
    expect(await changePassword({ actor: therapist, input: input('lantern river meadow') })).toEqual({ status: 'changed' });
    expect((await signInAs(therapist, { password: 'lantern river meadow' })).status).toBe('signed-in');
    const client = await createPerson(clinicId, 'client');
    expect(await changePassword({ actor: client, input: input('kx9!vb2#qlm') })).toEqual({ status: 'changed' });
  });

  it('refuses a common password when accepting an invitation, creating nothing', async () => {
    const clinicId = await staffClinic({ requireTwoFactor: false });
    const admin = await createPerson(clinicId, 'admin');
    const invitation = await createInvitation({
      actor: admin,
      input: { email: 'weak@example.com', role: 'therapist', phone: null, expiresInDays: 7 },
    });
    const input = (password: string) => ({ name: 'New Person', password, confirmPassword: password, timeZone: 'UTC' });
    expect(await acceptInvitation({ token: invitation.token, input: input('iloveyou123456'), source: TEST_SOURCE })).toMatchObject({
      status: 'weak_password',
    });
    const [count] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from users where email = 'weak@example.com'`);
    expect(count?.n).toBe(0);
    expect(await acceptInvitation({ token: invitation.token, input: input('copper kettle autumn'), source: TEST_SOURCE })).toEqual({
      status: 'accepted',
      email: 'weak@example.com',
    });
  });
});
