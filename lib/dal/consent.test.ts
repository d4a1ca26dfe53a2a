import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { assign, createClinicWithClient, createPerson, grant, TEST_TIME_ZONE } from '@/lib/testing/factories';
import { listCaseload } from './therapist-caseload';
import { listCheckIns } from './check-ins';
import { completeOnboarding, getOnboardingState, grantConsent, listSharing, revokeConsent } from './consent';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;

beforeEach(async () => {
  w = await createClinicWithClient();
});

const therapistSees = async () => {
  try {
    return (await listCheckIns({ actor: w.therapist, clientId: w.client.userId })).length;
  } catch {
    return 'not found';
  }
};

describe('grant and revoke', () => {
  it('lets the therapist read check-ins only while they are shared, from the very next request', async () => {
    expect(await therapistSees()).toBe('not found');
    await grantConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'checkins' });
    expect(await therapistSees()).toBe(2);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: w.therapist })).rows[0]?.sharing).toEqual(['checkins']);
    await revokeConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'checkins' });
    expect(await therapistSees()).toBe('not found');
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: w.therapist })).rows[0]?.sharing).toEqual([]);
  });

  it('ends sharing by itself when the end date passes', async () => {
    const expiresAt = new Date(Date.now() + 3_000);
    await grant(w.client, w.therapist, 'checkins', { grantedAt: new Date(Date.now() - 86_400_000), expiresAt });
    expect(await therapistSees()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 100));
    expect(await therapistSees()).toBe('not found');
    const sharing = await listSharing({ actor: w.client });
    expect(sharing.therapists[0]?.scopes.find((s) => s.scope === 'checkins')?.isShared).toBe(false);
    expect(sharing.history.map((h) => h.change)).toEqual(['ended', 'shared']);
  });

  it('never edits a grant: a new end date is a new row and the old one is revoked', async () => {
    const until = new Date(Date.now() + 7 * 86_400_000);
    await grantConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'journal' });
    await grantConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'journal', expiresAt: until });
    const rows = await queryRows<{ n: number; live: number }>(
      getDatabase(),
      sql`select count(*)::int as n, count(*) filter (where revoked_at is null)::int as live from consent_grants where client_id = ${w.client.userId}`,
    );
    expect(rows[0]).toEqual({ n: 2, live: 1 });
    const journal = (await listSharing({ actor: w.client })).therapists[0]?.scopes.find((s) => s.scope === 'journal');
    expect(journal?.isShared).toBe(true);
    expect(journal?.until?.getTime()).toBe(until.getTime());
  });

  it('refuses an end date in the past and a therapist who is not the client’s', async () => {
    await expect(
      grantConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'journal', expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toThrow('after today');
    const stranger = await createPerson(w.clinicId, 'therapist');
    await expect(grantConsent({ actor: w.client, therapistId: stranger.userId, scope: 'checkins' })).rejects.toThrow('not one of yours');
    const other = await createClinicWithClient('Other clinic');
    await expect(grantConsent({ actor: w.client, therapistId: other.therapist.userId, scope: 'checkins' })).rejects.toThrow(
      'not one of yours',
    );
  });

  it('lets only a client grant, and only for themself', async () => {
    await expect(grantConsent({ actor: w.therapist, therapistId: w.therapist.userId, scope: 'checkins' })).rejects.toThrow();
    await expect(listSharing({ actor: w.admin })).rejects.toThrow();
  });
});

describe('listSharing', () => {
  it('lists each assigned therapist with every scope and the full history, newest first', async () => {
    const second = await createPerson(w.clinicId, 'therapist', 'Second Therapist');
    await assign(w.client, second);
    await grantConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'checkins' });
    await grantConsent({ actor: w.client, therapistId: second.userId, scope: 'measures' });
    await revokeConsent({ actor: w.client, therapistId: w.therapist.userId, scope: 'checkins' });
    const sharing = await listSharing({ actor: w.client });
    expect(sharing.therapists).toHaveLength(2);
    const secondRow = sharing.therapists.find((t) => t.therapistId === second.userId);
    expect(secondRow?.scopes.map((s) => [s.scope, s.isShared])).toEqual([
      ['checkins', false],
      ['journal', false],
      ['measures', true],
      ['companion', false],
    ]);
    expect(secondRow?.scopes[2]?.since).toBeInstanceOf(Date);
    expect(sharing.history.map((h) => [h.change, h.scope])).toEqual([
      ['stopped', 'checkins'],
      ['shared', 'measures'],
      ['shared', 'checkins'],
    ]);
  });
});

describe('onboarding', () => {
  it('welcomes a client who never chose, and not again once they chose, even if they shared nothing', async () => {
    expect(await getOnboardingState({ actor: w.client })).toEqual({
      needsWelcome: true,
      hasOnboarded: false,
      pendingTherapists: [{ therapistId: w.therapist.userId, name: expect.any(String) }],
    });
    await completeOnboarding({ actor: w.client, timeZone: 'America/Toronto', shares: { [w.therapist.userId]: [] } });
    expect(await getOnboardingState({ actor: w.client })).toEqual({ needsWelcome: false, hasOnboarded: true, pendingTherapists: [] });
    expect(await therapistSees()).toBe('not found');
    const [me] = await queryRows<{ time_zone: string }>(getDatabase(), sql`select time_zone from users where id = ${w.client.userId}`);
    expect(me?.time_zone).toBe('America/Toronto');
  });

  it('shares what was chosen, and asks again for a new therapist: consent does not carry over', async () => {
    await completeOnboarding({ actor: w.client, timeZone: TEST_TIME_ZONE, shares: { [w.therapist.userId]: ['checkins', 'measures'] } });
    expect(await therapistSees()).toBe(2);
    const next = await createPerson(w.clinicId, 'therapist', 'New Therapist');
    await getDatabase().execute(sql`update assignments set ended_at = now() where client_id = ${w.client.userId}`);
    await assign(w.client, next);
    const state = await getOnboardingState({ actor: w.client });
    expect(state.pendingTherapists).toEqual([{ therapistId: next.userId, name: 'New Therapist' }]);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: next })).rows[0]?.sharing).toEqual([]);
  });

  it('refuses a choice about a therapist who is not waiting for one, changing nothing', async () => {
    const stranger = await createPerson(w.clinicId, 'therapist');
    await expect(
      completeOnboarding({
        actor: w.client,
        timeZone: 'Asia/Tokyo',
        shares: { [w.therapist.userId]: ['checkins'], [stranger.userId]: ['checkins'] },
      }),
    ).rejects.toThrow('not one of yours');
    expect(await therapistSees()).toBe('not found');
    expect((await getOnboardingState({ actor: w.client })).needsWelcome).toBe(true);
  });
});
