import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { getDatabase, queryRows } from '@/db';
import { readSessionCookie } from '@/lib/auth/options';
import { getSecrets } from '@/lib/secrets';
import { createClinic, createPerson, emailOf, TEST_PASSWORD, TEST_SOURCE } from '@/lib/testing/factories';
import { endAllSessions, getSessionState, signIn, verifyCredentials } from './auth';

describe('verifyCredentials', () => {
  it('signs in with the right password, whatever the email’s case and spaces', async () => {
    const clinicId = await createClinic();
    const therapist = await createPerson(clinicId, 'therapist', 'Dana Smith');
    const email = await emailOf(therapist.userId);
    const user = await verifyCredentials({ email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(user).toMatchObject({ userId: therapist.userId, clinicId, role: 'therapist', name: 'Dana Smith', sessionVersion: 1 });
  });

  it('gives the same answer for a wrong password, an unknown email and a deactivated account', async () => {
    const clinicId = await createClinic();
    const client = await createPerson(clinicId, 'client');
    const email = await emailOf(client.userId);
    expect(await verifyCredentials({ email, password: 'not the password' })).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@test.tandem.test', password: TEST_PASSWORD })).toBeNull();
    await getDatabase().execute(sql`update users set deactivated_at = now() where id = ${client.userId}`);
    expect(await verifyCredentials({ email, password: TEST_PASSWORD })).toBeNull();
  });

  it('records a full sign-in in the audit log, the last sign-in time and a session row', async () => {
    const clinicId = await createClinic();
    const admin = await createPerson(clinicId, 'admin');
    await getDatabase().execute(sql`update clinics set require_two_factor = false where id = ${clinicId}`);
    const outcome = await signIn({
      email: await emailOf(admin.userId),
      password: TEST_PASSWORD,
      source: TEST_SOURCE,
      device: 'Firefox on Linux',
    });
    expect(outcome.status).toBe('signed-in');
    const rows = await queryRows<{ action: string; last: Date | null }>(
      getDatabase(),
      sql`select e.action, u.last_sign_in_at as last from audit_events e join users u on u.id = e.actor_id
           where e.actor_id = ${admin.userId}`,
    );
    expect(rows.map((r) => r.action)).toEqual(['account.sign_in']);
    expect(rows[0]?.last).not.toBeNull();
    const sessions = await queryRows<{ device: string; source: string }>(
      getDatabase(),
      sql`select device, source from user_sessions where user_id = ${admin.userId}`,
    );
    expect(sessions).toEqual([{ device: 'Firefox on Linux', source: TEST_SOURCE }]);
  });
});

describe('session state', () => {
  it('moves the session version on "sign out everywhere", so older sessions stop matching', async () => {
    const clinicId = await createClinic();
    const client = await createPerson(clinicId, 'client');
    expect((await getSessionState(client))?.sessionVersion).toBe(1);
    await endAllSessions(client);
    expect((await getSessionState(client))?.sessionVersion).toBe(2);
  });

  it('ends when the account is deactivated', async () => {
    const clinicId = await createClinic();
    const therapist = await createPerson(clinicId, 'therapist');
    expect(await getSessionState(therapist)).toMatchObject({ role: 'therapist', timeZone: 'Europe/Lisbon' });
    await getDatabase().execute(sql`update users set deactivated_at = now() where id = ${therapist.userId}`);
    expect(await getSessionState(therapist)).toBeNull();
  });

  it('ends when the person no longer belongs to the clinic in the session', async () => {
    const clinicId = await createClinic();
    const other = await createClinic();
    const admin = await createPerson(clinicId, 'admin');
    expect(await getSessionState({ userId: admin.userId, clinicId: other })).toBeNull();
  });
});

describe('readSessionCookie', () => {
  const claims = {
    userId: '5b0c3f0e-6a43-4a5e-9d55-0d1f6a0b7c21',
    clinicId: '0e4f8a52-2b7d-4c1e-8f3a-9a6b5c4d3e2f',
    role: 'therapist' as const,
    sessionVersion: 3,
    sessionId: 'b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
    authTime: 1_780_000_000,
  };
  const jar = (value: string, name = 'next-auth.session-token') => new Map([[name, { value }]]);
  const token = (payload: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) =>
    encode({ token: payload, secret: options.secret ?? getSecrets().authSecret, maxAge: options.maxAge ?? 3600 });

  it('reads the claims of the token next-auth sets at sign-in', async () => {
    expect(await readSessionCookie(jar(await token({ ...claims, name: 'Dana Smith' })))).toEqual(claims);
  });

  it('refuses an altered, foreign or expired token, an unknown role and a missing cookie', async () => {
    const good = await token(claims);
    const altered = `${good.slice(0, -4)}${good.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await readSessionCookie(jar(altered))).toBeNull();
    expect(await readSessionCookie(jar(await token(claims, { secret: 'another clinic install' })))).toBeNull();
    // Past its expiry by more than next-auth's 15 seconds of clock tolerance.
    expect(await readSessionCookie(jar(await token(claims, { maxAge: -60 })))).toBeNull();
    expect(await readSessionCookie(jar(await token({ ...claims, role: 'owner' })))).toBeNull();
    expect(await readSessionCookie(jar(good, 'session-token'))).toBeNull();
    expect(await readSessionCookie(new Map())).toBeNull();
  });

  it('reads a token it has decoded before until the token expires, and not after', async () => {
    const cookie = jar(await token(claims, { maxAge: 60 }));
    expect(await readSessionCookie(cookie)).toEqual(claims);
    expect(await readSessionCookie(cookie)).toEqual(claims);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect(await readSessionCookie(cookie)).toBeNull();
  });

  afterEach(() => {
    vi.useRealTimers();
  });
});
