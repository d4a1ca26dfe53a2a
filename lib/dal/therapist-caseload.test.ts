import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import type { Actor } from '@/lib/dal/context';
import { computeInsights } from '@/lib/insights/engine';
import {
  addAlert,
  addClientOf,
  addMeasureDaysAgo,
  assign,
  createClinic,
  createPerson,
  grant,
  TEST_TIME_ZONE,
} from '@/lib/testing/factories';
import { addDailyMood, addInsight, addPause, addRiskAlertAt, daysAgo, joinedDaysAgo, setCadence } from '@/lib/testing/factories-workspace';
import { caseloadFactsQuery, listCaseload, type CaseloadRow } from './therapist-caseload';
import { verifyAuditChain } from './audit-log';
import { withActor } from './context';

const PHQ9_MODERATE = [2, 2, 1, 1, 1, 1, 1, 2, 1]; // 12, item 9 answered 1
const PHQ9_MILD = [1, 1, 1, 1, 1, 1, 0, 0, 0]; // 6
const GAD7_MILD = [1, 1, 1, 1, 1, 1, 0]; // 6

/** A client who logged 40 days (mood 7, then 3 for the last week), answered two PHQ-9s and one GAD-7, with a new decline signal and a risk signal. */
async function richClient(therapist: Actor, name = 'Rich Client') {
  const client = await addClientOf(therapist, name);
  await addDailyMood(client, { fromDaysAgo: 40, toDaysAgo: 1, mood: (d) => (d <= 6 ? 3 : 7) });
  await addMeasureDaysAgo(client, 'phq9', PHQ9_MILD, 16);
  await addMeasureDaysAgo(client, 'phq9', PHQ9_MODERATE, 2);
  await addMeasureDaysAgo(client, 'gad7', GAD7_MILD, 2);
  await addInsight(client, { kind: 'decline', scope: 'checkins' });
  await addInsight(client, { kind: 'band_change', scope: 'measures' });
  await addInsight(client, { kind: 'item9', scope: 'risk', severity: 'urgent' });
  await addInsight(client, { kind: 'improvement', scope: 'checkins', direction: 'improving', reviewState: 'accepted' });
  return client;
}

async function setup() {
  const clinicId = await createClinic();
  const therapist = await createPerson(clinicId, 'therapist', 'Sam Therapist');
  return { clinicId, therapist };
}

const only = (rows: CaseloadRow[], clientId: string) => {
  const row = rows.find((r) => r.clientId === clientId);
  if (!row) throw new Error('client not on the caseload');
  return row;
};

describe('listCaseload: what the assigned therapist sees', () => {
  it('shows every column when the client shares check-ins and measures', async () => {
    const { therapist } = await setup();
    const client = await richClient(therapist);
    await grant(client, therapist, 'checkins');
    await grant(client, therapist, 'measures');
    // At midday two calendar days ago in the therapist's zone, so the wording holds at any hour.
    await addRiskAlertAt(client, therapist, new Date(`${daysAgo(2)}T12:00:00Z`));

    const { rows, total, caseloadSize } = await listCaseload({ actor: therapist, timeZone: TEST_TIME_ZONE });
    expect([total, caseloadSize]).toEqual([1, 1]);
    const row = only(rows, client.userId);
    expect(row.sharing).toEqual(['checkins', 'measures']);
    expect(row.lastCheckInDaysAgo).toBe(1);
    expect(row.mood).toEqual({ recentMean: 3, recentAgeDays: 0, baselineMean: 7, trend: 'lower' });
    expect(row.phq9).toMatchObject({ total: 12, band: 'moderate', bandLabel: 'Moderate', change: 6 });
    expect(row.gad7).toMatchObject({ total: 6, band: 'mild', change: null });
    expect(row.openSignals).toBe(3);
    expect(row.urgentAlerts).toBe(1);
    expect(row.reasons.map((r) => r.text)).toEqual([
      'PHQ-9 item 9 answered 2 days ago',
      'New signal: PHQ-9 item 9 answered above 0 (urgent, latest today)',
      'New signal: mood declining (needs attention, latest today)',
      'New signal: questionnaire band worse (needs attention, latest today)',
    ]);
  });

  for (const state of ['revoked', 'expired', 'never granted'] as const) {
    it(`shows nothing of check-ins or measures when sharing was ${state}, but the urgent alert still counts`, async () => {
      const { therapist } = await setup();
      const client = await richClient(therapist);
      await joinedDaysAgo(client, 60);
      const past = { grantedAt: new Date(Date.now() - 20 * 86_400_000) };
      if (state === 'revoked') {
        await grant(client, therapist, 'checkins', { ...past, revokedAt: new Date(Date.now() - 86_400_000) });
        await grant(client, therapist, 'measures', { ...past, revokedAt: new Date(Date.now() - 86_400_000) });
      } else if (state === 'expired') {
        await grant(client, therapist, 'checkins', { ...past, expiresAt: new Date(Date.now() - 60_000) });
        await grant(client, therapist, 'measures', { ...past, expiresAt: new Date(Date.now() - 60_000) });
      }
      await addAlert(client, therapist, 3);

      const row = only((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows, client.userId);
      expect(row).toMatchObject({
        sharing: [],
        lastCheckInAt: null,
        lastCheckInDaysAgo: null,
        mood: null,
        phq9: null,
        gad7: null,
        urgentAlerts: 1,
      });
      // Only the risk signal reaches them; no reason rests on unshared silence or missing questionnaires.
      expect(row.openSignals).toBe(1);
      expect(row.reasons.map((r) => r.code)).toEqual(['alert', 'signal']);
      expect(row.reasons[1]?.text).toBe('New signal: PHQ-9 item 9 answered above 0 (urgent, latest today)');
    });
  }

  it('shows check-ins but not measures when only check-ins are shared', async () => {
    const { therapist } = await setup();
    const client = await richClient(therapist);
    await grant(client, therapist, 'checkins');
    const row = only((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows, client.userId);
    expect(row.mood?.trend).toBe('lower');
    expect([row.phq9, row.gad7]).toEqual([null, null]);
    expect(row.openSignals).toBe(2);
  });

  it('shows an unassigned therapist of the clinic, another clinic’s therapist and a new therapist none of the client', async () => {
    const { clinicId, therapist } = await setup();
    const client = await richClient(therapist);
    await grant(client, therapist, 'checkins');
    await grant(client, therapist, 'measures');
    const colleague = await createPerson(clinicId, 'therapist');
    await grant(client, colleague, 'checkins');
    const otherClinic = await createPerson(await createClinic('Elsewhere'), 'therapist');

    for (const actor of [colleague, otherClinic]) {
      const page = await listCaseload({ timeZone: TEST_TIME_ZONE, actor });
      expect(page).toMatchObject({ rows: [], total: 0, caseloadSize: 0 });
      // Even the raw statement aimed at the assigned therapist's list answers nothing under their context.
      const raw = await withActor(actor, (tx) => queryRows(tx, caseloadFactsQuery(therapist.userId)));
      expect(raw).toEqual([]);
    }
  });

  it('is refused to clients and admins', async () => {
    const { clinicId, therapist } = await setup();
    const client = await addClientOf(therapist);
    const admin = await createPerson(clinicId, 'admin');
    for (const actor of [client, admin]) {
      await expect(listCaseload({ timeZone: TEST_TIME_ZONE, actor })).rejects.toMatchObject({ code: 'forbidden:role' });
    }
  });

  it('records who looked, per client shown, and the audit chain stays intact', async () => {
    const { clinicId, therapist } = await setup();
    const client = await addClientOf(therapist);
    await addClientOf(therapist);
    await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist });
    await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist });
    expect(await verifyAuditChain({ actor: await createPerson(clinicId, 'admin') })).toMatchObject({ isIntact: true });
    const events = await queryRows<{ actor_id: string }>(
      getDatabase(),
      sql`select actor_id from audit_events where action = 'caseload.view' and subject_client_id = ${client.userId}`,
    );
    expect(events).toEqual([{ actor_id: therapist.userId }, { actor_id: therapist.userId }]);
  });
});

describe('listCaseload: silence against the usual gap', () => {
  it('reads the usual gap from the past year as the engine does, declared breaks not counted', async () => {
    const { therapist } = await setup();
    const withGapLongAgo = async (name: string) => {
      const c = await addClientOf(therapist, name);
      await grant(c, therapist, 'checkins');
      await joinedDaysAgo(c, 300);
      // A 10-day gap that ended 200 days ago, further back than the caseload's weeks of moods.
      await addDailyMood(c, { fromDaysAgo: 260, toDaysAgo: 211, mood: () => 6 });
      await addDailyMood(c, { fromDaysAgo: 200, toDaysAgo: 9, mood: () => 6 });
      return c;
    };
    await withGapLongAgo('Gail Gappy');
    const away = await withGapLongAgo('Abe Away');
    await addPause(away, daysAgo(210), daysAgo(201));
    const { rows } = await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist });
    expect(rows.map((r) => [r.name, r.reasons[0]?.text ?? null])).toEqual([
      ['Abe Away', 'No check-in for 9 days (usually checks in every day)'],
      ['Gail Gappy', 'No check-in for 9 days (gaps this long are usual for them: up to 10 days)'],
    ]);
    // The engine, on the same days and break, agrees: Abe's silence is a signal, Gail's is not yet.
    const engineSays = (pauses: { start: string; end: string }[]) =>
      computeInsights({
        asOf: daysAgo(0),
        checkIns: [...Array.from({ length: 50 }, (_, i) => 260 - i), ...Array.from({ length: 192 }, (_, i) => 200 - i)].map((d) => ({
          localDate: daysAgo(d),
          mood: 6,
        })),
        pauses,
      }).filter((i) => i.key.startsWith('disengagement:checkins'));
    expect(engineSays([])).toEqual([]);
    expect(engineSays([{ start: daysAgo(210), end: daysAgo(201) }])[0]?.evidence.numbers).toMatchObject({
      daysSinceLastCheckIn: 9,
      usualLongestGap: 0,
    });
  });
});

describe('listCaseload: order, filters and pages', () => {
  async function mixedCaseload() {
    const { therapist } = await setup();
    const make = async (name: string) => {
      const c = await addClientOf(therapist, name);
      await grant(c, therapist, 'checkins');
      await grant(c, therapist, 'measures');
      return c;
    };
    const calm = await make('Alma Calm');
    await addDailyMood(calm, { fromDaysAgo: 20, mood: () => 6 });
    await addMeasureDaysAgo(calm, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0], 3);
    await addMeasureDaysAgo(calm, 'gad7', [0, 0, 0, 0, 0, 0, 0], 3);
    const declining = await make('Dora Decline');
    await addDailyMood(declining, { fromDaysAgo: 20, mood: (d) => (d < 7 ? 3 : 6) });
    await addInsight(declining, { kind: 'decline', scope: 'checkins' });
    await addMeasureDaysAgo(declining, 'phq9', PHQ9_MODERATE, 1);
    await addMeasureDaysAgo(declining, 'gad7', GAD7_MILD, 1);
    const quiet = await make('Quincy Quiet');
    await joinedDaysAgo(quiet, 30);
    await addDailyMood(quiet, { fromDaysAgo: 25, toDaysAgo: 9, mood: () => 5 });
    await addMeasureDaysAgo(quiet, 'phq9', PHQ9_MILD, 20);
    await addMeasureDaysAgo(quiet, 'gad7', GAD7_MILD, 3);
    const paused = await make('Paula Paused');
    await joinedDaysAgo(paused, 30);
    await addDailyMood(paused, { fromDaysAgo: 25, toDaysAgo: 12, mood: () => 5 });
    await addPause(paused, daysAgo(12), daysAgo(-5));
    const urgent = await make('Uma Urgent');
    await addDailyMood(urgent, { fromDaysAgo: 3, mood: () => 4 });
    await addRiskAlertAt(urgent, therapist, new Date(`${daysAgo(1)}T12:00:00Z`));
    return { therapist, calm, declining, quiet, paused, urgent };
  }

  it('puts who needs attention first, with the reason, and the rest by name', async () => {
    const { therapist } = await mixedCaseload();
    const { rows } = await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist });
    expect(rows.map((r) => [r.name, r.reasons[0]?.text ?? null])).toEqual([
      ['Uma Urgent', 'PHQ-9 item 9 answered yesterday'],
      ['Dora Decline', 'New signal: mood declining (needs attention, latest today)'],
      ['Quincy Quiet', 'No check-in for 9 days (usually checks in every day)'],
      ['Alma Calm', null],
      ['Paula Paused', null],
    ]);
    expect(rows[2]?.reasons.map((r) => r.text)).toEqual([
      'No check-in for 9 days (usually checks in every day)',
      'PHQ-9 overdue by 6 days',
    ]);
  });

  it('sorts by a column both ways, empty values last', async () => {
    const { therapist } = await mixedCaseload();
    const names = async (sort: string, dir: string) =>
      (await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query: { sort, dir } })).rows.map((r) => r.name);
    expect(await names('phq9', 'desc')).toEqual(['Dora Decline', 'Quincy Quiet', 'Alma Calm', 'Paula Paused', 'Uma Urgent']);
    expect(await names('phq9', 'asc')).toEqual(['Alma Calm', 'Quincy Quiet', 'Dora Decline', 'Paula Paused', 'Uma Urgent']);
    expect(await names('name', 'desc')).toEqual(['Uma Urgent', 'Quincy Quiet', 'Paula Paused', 'Dora Decline', 'Alma Calm']);
  });

  it('filters by search, alert, signals, overdue, not logging and band', async () => {
    const { therapist } = await mixedCaseload();
    const names = async (query: Record<string, string>) =>
      (await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query })).rows.map((r) => r.name);
    expect(await names({ q: 'dora' })).toEqual(['Dora Decline']);
    expect(await names({ urgent: '1' })).toEqual(['Uma Urgent']);
    expect(await names({ signals: '1' })).toEqual(['Dora Decline']);
    expect(await names({ overdue: '1' })).toEqual(['Quincy Quiet']);
    expect(await names({ notLogging: '1' })).toEqual(['Quincy Quiet']);
    expect(await names({ band: 'moderate' })).toEqual(['Dora Decline']);
    expect(await names({ band: 'mild', q: 'quin' })).toEqual(['Quincy Quiet']);
    expect(await names({ q: 'nobody' })).toEqual([]);
  });

  it('falls back to defaults on bad parameters', async () => {
    const { therapist } = await mixedCaseload();
    const page = await listCaseload({
      timeZone: TEST_TIME_ZONE,
      actor: therapist,
      query: { sort: 'drop table', dir: 'sideways', page: '-3', band: 'awful', urgent: 'yes' },
    });
    expect(page.query).toMatchObject({ sort: 'attention', dir: 'asc', page: 1, band: undefined, urgent: undefined });
    expect(page.rows[0]?.name).toBe('Uma Urgent');
  });

  it('pages 25 at a time or as asked, and clamps a page past the end', async () => {
    const { therapist } = await setup();
    for (let i = 0; i < 27; i++) await addClientOf(therapist, `Client ${String(i).padStart(2, '0')}`);
    const first = await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query: { sort: 'name' } });
    expect([first.rows.length, first.total, first.pageCount, first.page]).toEqual([25, 27, 2, 1]);
    const second = await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query: { sort: 'name', page: '2' } });
    expect(second.rows.map((r) => r.name)).toEqual(['Client 25', 'Client 26']);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query: { sort: 'name', page: '9' } })).page).toBe(2);
    const tens = await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query: { sort: 'name', size: '10', page: '3' } });
    expect([tens.rows.length, tens.pageCount, tens.rows[0]?.name]).toEqual([7, 3, 'Client 20']);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist, query: { size: '7' } })).pageSize).toBe(25);
  });

  it('uses the therapist’s cadence for a client when one is set', async () => {
    const { therapist } = await setup();
    const client = await addClientOf(therapist);
    await grant(client, therapist, 'measures');
    await addMeasureDaysAgo(client, 'phq9', PHQ9_MILD, 10);
    await addMeasureDaysAgo(client, 'gad7', GAD7_MILD, 3);
    expect(only((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows, client.userId).reasons).toEqual([]);
    await setCadence(client, 'phq9', 7);
    expect(
      only((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).rows, client.userId).reasons.map((r) => r.text),
    ).toEqual(['PHQ-9 overdue by 3 days']);
  });

  it('drops a client at once when the assignment ends', async () => {
    const { clinicId, therapist } = await setup();
    const client = await createPerson(clinicId, 'client');
    await assign(client, therapist);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).total).toBe(1);
    await getDatabase().execute(sql`update assignments set ended_at = now() where client_id = ${client.userId}`);
    expect((await listCaseload({ timeZone: TEST_TIME_ZONE, actor: therapist })).total).toBe(0);
  });
});
