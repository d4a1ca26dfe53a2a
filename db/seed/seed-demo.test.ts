import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { verifyCredentials } from '@/lib/dal/auth';
import { toDay } from '@/lib/insights/dates';
import { unusualSilenceDays, usualLongestGap } from '@/lib/insights/definitions';
import { getDatabase, queryRows } from '../index';
import { generateClinic } from './generate';
import { DEMO_PASSWORD, demoClinic } from './personas';
import { seedDemo } from './seed-demo';

const today = '2026-11-26';

beforeAll(async () => {
  expect(await seedDemo(getDatabase(), { today })).toEqual({ seeded: true, today });
}, 120_000);

const moods = (email: string, fromDaysAgo: number, toDaysAgo: number) =>
  queryRows<{ mood: number }>(
    getDatabase(),
    sql`select c.mood from check_ins c join users u on u.id = c.client_id
         where u.email = ${email} and c.local_date between ${addDays(today, -fromDaysAgo)} and ${addDays(today, -toDaysAgo)}`,
  ).then((rows) => rows.map((r) => r.mood));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the demo seed', () => {
  it('lets each demo login in, landing on its role', async () => {
    const expected = { 'admin@demo.tandem.test': 'admin', 'therapist@demo.tandem.test': 'therapist', 'client@demo.tandem.test': 'client' };
    for (const [email, role] of Object.entries(expected)) {
      expect(await verifyCredentials({ email, password: DEMO_PASSWORD })).toMatchObject({ role });
    }
  });

  it('has 1 admin, 3 therapists and 27 clients in the demo clinic (3 for the companion journeys), and a second clinic', async () => {
    const rows = await queryRows<{ clinic: string; role: string; n: number }>(
      getDatabase(),
      sql`select c.name as clinic, m.role, count(*)::int as n from memberships m join clinics c on c.id = m.clinic_id group by 1, 2 order by 1, 2`,
    );
    expect(rows).toEqual([
      { clinic: 'Harbour Counselling', role: 'client', n: 2 },
      { clinic: 'Harbour Counselling', role: 'therapist', n: 1 },
      { clinic: 'Harbour Counselling', role: 'admin', n: 1 },
      { clinic: 'Riverside Therapy Collective', role: 'client', n: 27 },
      { clinic: 'Riverside Therapy Collective', role: 'therapist', n: 3 },
      { clinic: 'Riverside Therapy Collective', role: 'admin', n: 1 },
    ]);
  });

  it('gives the demo client 6 to 12 months of logs with missing days, shared in full with the demo therapist', async () => {
    const [span] = await queryRows<{ first: string; n: number }>(
      getDatabase(),
      sql`select min(local_date)::text as first, count(*)::int as n from check_ins c join users u on u.id = c.client_id where u.email = 'client@demo.tandem.test'`,
    );
    const days = (Date.parse(today) - Date.parse(span?.first ?? today)) / 86_400_000 + 1;
    expect(days).toBeGreaterThanOrEqual(183);
    expect(days).toBeLessThanOrEqual(365);
    expect(span?.n).toBeLessThan(days);
    const scopes = await queryRows<{ scope: string }>(
      getDatabase(),
      sql`select g.scope from consent_grants g join users c on c.id = g.client_id join users t on t.id = g.therapist_id
           where c.email = 'client@demo.tandem.test' and t.email = 'therapist@demo.tandem.test'
             and g.revoked_at is null and (g.expires_at is null or g.expires_at > now()) order by 1`,
    );
    expect(scopes.map((s) => s.scope)).toEqual(['checkins', 'journal', 'measures']);
  });

  it('plants the patterns the insights must find, and keeps the stable client stable', async () => {
    const drop = async (email: string) => mean(await moods(email, 90, 36)) - mean(await moods(email, 6, 0));
    expect(await drop('client@demo.tandem.test')).toBeGreaterThan(1.5);
    expect(await drop('jamie@demo.tandem.test')).toBeGreaterThan(1.5);
    expect(await drop('noor@demo.tandem.test')).toBeLessThan(-1.5);
    expect(Math.abs(await drop('ben@demo.tandem.test'))).toBeLessThan(0.8);
    expect(await moods('theo@demo.tandem.test', 11, 0)).toEqual([]);
  });

  it('has consents in every state, an unacknowledged item-9 alert and a reassignment with history', async () => {
    const [state] = await queryRows<{ revoked: number; expired: number; alerts: number; ended: number; unassigned: number }>(
      getDatabase(),
      sql`select (select count(*)::int from consent_grants where revoked_at is not null) as revoked,
                 (select count(*)::int from consent_grants where expires_at < now()) as expired,
                 (select count(*)::int from alerts a where a.kind = 'item9' and a.answer > 0
                    and not exists (select 1 from alert_acknowledgements k where k.alert_id = a.id)) as alerts,
                 (select count(*)::int from assignments where ended_at is not null) as ended,
                 (select count(*)::int from memberships m where m.role = 'client'
                    and not exists (select 1 from assignments a where a.client_id = m.user_id and a.ended_at is null)) as unassigned`,
    );
    expect(state).toEqual({ revoked: 2, expired: 6, alerts: 1, ended: 1, unassigned: 1 });
  });

  it('keeps PHQ-9 in step with mood: the declining client scores higher now than three months ago', async () => {
    const rows = await queryRows<{ total: number; local_date: string }>(
      getDatabase(),
      sql`select (select sum(x) from unnest(items) x)::int as total, local_date::text from measure_responses r
            join users u on u.id = r.client_id where u.email = 'client@demo.tandem.test' and instrument = 'phq9'
           order by local_date`,
    );
    const early = rows.filter((r) => r.local_date < addDays(today, -60));
    const late = rows.at(-1);
    expect(late?.total).toBeGreaterThan(mean(early.map((r) => r.total)) + 3);
  });

  it('is a no-op the second time', async () => {
    expect(await seedDemo(getDatabase(), { today })).toEqual({ seeded: false, today });
    const [users] = await queryRows<{ n: number }>(getDatabase(), sql`select count(*)::int as n from users`);
    expect(users?.n).toBe(35);
  });

  it('leaves Ivy without a check-in today, whatever the day, for the check-in journey to make one', () => {
    for (const day of [today, addDays(today, 1), addDays(today, 4)]) {
      const rows = generateClinic(demoClinic, day, 7);
      const ivy = rows.users.find((u) => u.email === 'ivy@demo.tandem.test');
      expect(rows.checkIns.filter((c) => c.clientId === ivy?.id).length).toBeGreaterThan(100);
      expect(rows.checkIns.some((c) => c.clientId === ivy?.id && String(c.localDate) === day)).toBe(false);
    }
  });

  it('keeps Theo’s twelve days of silence unusual for him, whatever the day', () => {
    for (let offset = 0; offset < 28; offset += 1) {
      const day = addDays(today, offset);
      const rows = generateClinic(demoClinic, day, 7);
      const theo = rows.users.find((u) => u.email === 'theo@demo.tandem.test');
      const logged = rows.checkIns.filter((c) => c.clientId === theo?.id).map((c) => toDay(String(c.localDate)));
      expect(rows.pauses.filter((p) => p.clientId === theo?.id)).toEqual([]);
      expect(toDay(day) - Math.max(...logged)).toBe(12);
      expect(unusualSilenceDays(usualLongestGap(logged, new Set(), toDay(day)))).toBeLessThan(12);
    }
  });

  it('is deterministic: the same day gives the same clinic', () => {
    expect(generateClinic(demoClinic, today, 7)).toEqual(generateClinic(demoClinic, today, 7));
    expect(generateClinic(demoClinic, today, 7)).not.toEqual(generateClinic(demoClinic, today, 8));
  });
});
