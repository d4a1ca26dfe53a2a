import { describe, expect, it } from 'vitest';
import { addClientOf, createClinic, createPerson, grant, TEST_TIME_ZONE } from '@/lib/testing/factories';
import { addDailyMood } from '@/lib/testing/factories-workspace';
import { getSinceLastSessionBrief } from './brief';
import { listCaseload } from './therapist-caseload';
import { getClientTimeline } from './client-record';

const round1 = (x: number) => Math.round(x * 10) / 10;

describe('usual mood: one definition on every screen', () => {
  it('gives the caseload, the brief and the timeline the same usual mood, last week and verdict for one client', async () => {
    const clinicId = await createClinic();
    const therapist = await createPerson(clinicId, 'therapist', 'Sam Therapist');
    const client = await addClientOf(therapist, 'Una Usual');
    await grant(client, therapist, 'checkins');
    // Ten weeks of 6 and 8 on alternate days, then a week of 4; two more check-ins of 3 on one of
    // the last days, so that day counts once, as 3.33 (the daily mean), on every screen.
    await addDailyMood(client, { fromDaysAgo: 70, toDaysAgo: 7, mood: (d) => (d % 2 ? 6 : 8) });
    await addDailyMood(client, { fromDaysAgo: 6, toDaysAgo: 0, mood: () => 4 });
    await addDailyMood(client, { fromDaysAgo: 2, toDaysAgo: 2, mood: () => 3 });
    await addDailyMood(client, { fromDaysAgo: 2, toDaysAgo: 2, mood: () => 3 });

    const caseload = (await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows.find((r) => r.clientId === client.userId);
    const brief = await getSinceLastSessionBrief({ actor: therapist, clientId: client.userId });
    const timeline = await getClientTimeline({ actor: therapist, clientId: client.userId, range: '90' });

    const usual = brief.mood?.usual;
    expect(usual?.usual).toMatchObject({ mean: 7, loggedDays: 56 });
    expect(usual?.recent.loggedDays).toBe(7);
    expect(usual?.recent.mean).toBeCloseTo((6 * 4 + 10 / 3) / 7, 10);
    expect(usual?.trend).toBe('lower');
    expect(caseload?.mood).toEqual({
      recentMean: round1(usual?.recent.mean ?? -1),
      recentAgeDays: 0,
      baselineMean: round1(usual?.usual?.mean ?? -1),
      trend: usual?.trend,
    });
    expect(timeline.mood?.baseline).toMatchObject({
      mean: round1(usual?.usual?.mean ?? -1),
      from: usual?.usual?.from,
      to: usual?.usual?.to,
      loggedDays: usual?.usual?.loggedDays,
    });
    // The timeline's last 7-day mean is the same last week.
    expect(timeline.mood?.rollingMean.at(-1)).toBe(round1(usual?.recent.mean ?? -1));
  });
});
