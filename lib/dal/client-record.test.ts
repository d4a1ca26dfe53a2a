import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addDays, localDateIn } from '@/lib/dates';
import { addCheckIn, addMeasureResponse, addSignedNote, createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { addDraftNote, addInsight, addTaggedCheckIn } from '@/lib/testing/factories-workspace';
import { getCarePlan, saveCarePlan } from './care-plan';
import { getClientOverview, getClientTimeline, listCheckInNotes, listMeasureAdministrations, listSharedJournal } from './client-record';
import type { Actor } from './context';
import { listSignals, reviewInsight } from './insight-reviews';
import { saveJournalEntry } from './journal';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;
const today = localDateIn('Europe/Lisbon');
const daysAgo = (n: number) => addDays(today, -n);
// Plan dates must fall within a year before and five after today, so they count from today too.
const targetDate = addDays(today, 90);
const reviewDate = addDays(today, 45);

const PHQ9_LOW = [1, 1, 1, 0, 0, 0, 0, 0, 0];
const PHQ9_HIGH = [2, 2, 2, 2, 1, 1, 1, 1, 1];

async function seedRecord(world: World) {
  await addCheckIn(world.client, daysAgo(3), 3);
  await addTaggedCheckIn(world.client, daysAgo(2), { tags: ['work', 'tired'], note: 'Rough day at work' });
  await addMeasureResponse(world.client, 'phq9', PHQ9_LOW, daysAgo(20));
  await addMeasureResponse(world.client, 'phq9', PHQ9_HIGH, daysAgo(5));
  await saveJournalEntry({ actor: world.client, input: { text: 'Slept badly again.' } });
  await addSignedNote(world.client, world.therapist, daysAgo(7));
  return {
    decline: await addInsight(world.client, { kind: 'decline', scope: 'checkins', windowStart: daysAgo(30), windowEnd: today }),
    band: await addInsight(world.client, { kind: 'band_change', scope: 'measures', windowStart: daysAgo(20), windowEnd: daysAgo(5) }),
    risk: await addInsight(world.client, { kind: 'item9', scope: 'risk', windowStart: daysAgo(5), windowEnd: daysAgo(5) }),
  };
}

async function shareAll(world: World, times: { expiresAt?: Date; revokedAt?: Date; grantedAt?: Date } = {}) {
  for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(world.client, world.therapist, scope, times);
}

const reads = (actor: Actor, clientId: string) => ({
  overview: () => getClientOverview({ actor, clientId }),
  timeline: () => getClientTimeline({ actor, clientId, range: '90' }),
  measures: () => listMeasureAdministrations({ actor, clientId }),
  journal: () => listSharedJournal({ actor, clientId }),
  notes: () => listCheckInNotes({ actor, clientId }),
  signals: () => listSignals({ actor, clientId }),
  plan: () => getCarePlan({ actor, clientId }),
});

beforeEach(async () => {
  // Every day of the record counts back from today, so the timeline's 30- and 90-day windows hold it
  // whatever the date.
  w = await createClinicWithClient(undefined, {
    checkIns: [
      { localDate: daysAgo(12), mood: 6 },
      { localDate: daysAgo(11), mood: 4 },
    ],
  });
});

describe('the client page, for the assigned therapist with everything shared', () => {
  it('shows the timeline, measures, journal, check-in notes and signals, and audits each read', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    const r = reads(w.therapist, w.client.userId);

    expect(await r.overview()).toMatchObject({ sharing: ['checkins', 'journal', 'measures'] });
    const timeline = await r.timeline();
    expect(timeline.mood?.loggedDays).toBe(4);
    expect(timeline.measures?.administrations.map((m) => m.total)).toEqual([3, 13]);
    expect(timeline.sessions).toHaveLength(1);
    expect(timeline.changePoints.map((c) => c.insightId)).toEqual([ids.decline]);
    expect(timeline.summary).toMatch(/Mood was logged on 4 of the 90 days/);

    const measures = await r.measures();
    expect(measures?.[0]).toMatchObject({ total: 13, bandLabel: 'Moderate', change: 10, verdict: 'reliable_deterioration' });
    expect(measures?.[0]?.items[8]).toMatchObject({ isItem9: true, answer: 1, answerLabel: 'Several days' });
    expect(measures?.[1]).toMatchObject({ change: null, verdict: null });

    expect((await r.journal())?.map((j) => j.text)).toEqual(['Slept badly again.']);
    expect(await r.notes()).toEqual([expect.objectContaining({ note: 'Rough day at work', tags: ['work', 'tired'] })]);
    expect((await r.signals()).open.map((s) => s.id).sort()).toEqual([ids.decline, ids.band, ids.risk].sort());
    expect((await r.plan()).version).toBe(0);

    const audit = await queryRows<{ action: string }>(
      getDatabase(),
      sql`select distinct action from audit_events where actor_id = ${w.therapist.userId} and outcome = 'allowed' order by action`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'alerts.read',
      'care_plan.read',
      'check_ins.read',
      'client.view',
      'insights.read',
      'journal.read',
      'measures.read',
    ]);
  });

  it('uses the clinic’s own reliable-change threshold', async () => {
    await seedRecord(w);
    await shareAll(w);
    await getDatabase().execute(sql`update clinics set phq9_reliable_change = 11 where id = ${w.clinicId}`);
    expect((await listMeasureAdministrations({ actor: w.therapist, clientId: w.client.userId }))?.[0]?.verdict).toBe('no_reliable_change');
  });
});

describe.each([
  ['revoked', { grantedAt: new Date(Date.now() - 86_400_000), revokedAt: new Date(Date.now() - 3_600_000) }],
  ['expired', { grantedAt: new Date(Date.now() - 86_400_000 * 3), expiresAt: new Date(Date.now() - 86_400_000) }],
  ['never granted', null],
] as const)('consent %s', (_label, times) => {
  it('shows nothing of any scope, and only the risk signal', async () => {
    const ids = await seedRecord(w);
    if (times) await shareAll(w, times);
    const r = reads(w.therapist, w.client.userId);
    expect((await r.overview()).sharing).toEqual([]);
    const timeline = await r.timeline();
    expect(timeline.mood).toBeNull();
    expect(timeline.measures).toBeNull();
    expect(timeline.summary).not.toMatch(/Mood|PHQ-9/);
    expect(await r.measures()).toBeNull();
    expect(await r.journal()).toBeNull();
    expect(await r.notes()).toBeNull();
    expect((await r.signals()).open.map((s) => s.id)).toEqual([ids.risk]);
    expect((await r.plan()).evidenceOptions.map((o) => o.id)).toEqual([ids.risk]);
  });
});

describe('sharing one scope only', () => {
  it('shows check-ins and their signals but no measures or journal', async () => {
    const ids = await seedRecord(w);
    await grant(w.client, w.therapist, 'checkins');
    const timeline = await getClientTimeline({ actor: w.therapist, clientId: w.client.userId, range: '30' });
    expect(timeline.mood?.loggedDays).toBe(4);
    expect(timeline.measures).toBeNull();
    expect(await listMeasureAdministrations({ actor: w.therapist, clientId: w.client.userId })).toBeNull();
    expect((await listSignals({ actor: w.therapist, clientId: w.client.userId })).open.map((s) => s.id).sort()).toEqual(
      [ids.decline, ids.risk].sort(),
    );
  });
});

describe('anyone but the assigned therapist', () => {
  it('gets not_found for every read and every write, audited as denied', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    const colleague = await createPerson(w.clinicId, 'therapist');
    const other = await createClinicWithClient();
    for (const actor of [colleague, other.therapist, w.admin, w.client]) {
      for (const read of Object.values(reads(actor, w.client.userId)))
        await expect(read()).rejects.toMatchObject({ code: 'not_found:client' });
      await expect(
        reviewInsight({ actor, clientId: w.client.userId, input: { action: 'accept', insightId: ids.decline } }),
      ).rejects.toMatchObject({ code: 'not_found:client' });
      await expect(
        saveCarePlan({
          actor,
          input: { clientId: w.client.userId, baseVersion: 0, content: { problems: [], goals: [], interventions: [], reviewDate: '' } },
        }),
      ).rejects.toMatchObject({ code: 'not_found:client' });
    }
    await expect(getClientOverview({ actor: w.therapist, clientId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found:client' });
    const denied = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from audit_events where actor_id = ${colleague.userId} and outcome = 'denied'`,
    );
    expect(denied[0]?.n).toBeGreaterThan(0);
    expect((await listSignals({ actor: w.therapist, clientId: w.client.userId })).reviewed).toEqual([]);
  });
});

describe('reviewing signals', () => {
  it('accepts a signal into the care plan as a new version citing it, in one step', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    const result = await reviewInsight({
      actor: w.therapist,
      clientId: w.client.userId,
      input: { action: 'accept', insightId: ids.decline, addToPlan: 'on', planText: 'Low mood since October' },
    });
    expect(result).toEqual({ carePlanVersion: 1 });
    const plan = await getCarePlan({ actor: w.therapist, clientId: w.client.userId });
    expect(plan.content.problems).toEqual([
      expect.objectContaining({ text: 'Low mood since October', evidence: [{ insightId: ids.decline }] }),
    ]);
    expect(plan.versions[0]?.changes).toEqual(['Added problem “Low mood since October”']);
    const signals = await listSignals({ actor: w.therapist, clientId: w.client.userId });
    expect(signals.open.map((s) => s.id)).not.toContain(ids.decline);
    expect(signals.citedInPlan.map((s) => s.id)).toEqual([ids.decline]);
    expect(signals.reviewed).toEqual([
      expect.objectContaining({ insightId: ids.decline, action: 'accepted', reviewerName: expect.stringMatching(/^therapist /) }),
    ]);
  });

  it('accepts a signal into the care plan as a measurable goal', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    await reviewInsight({
      actor: w.therapist,
      clientId: w.client.userId,
      input: {
        action: 'accept',
        insightId: ids.band,
        addToPlan: 'on',
        planItem: 'goal',
        planText: 'PHQ-9 back below 10',
        planMeasure: 'PHQ-9 total',
        planTargetDate: targetDate,
      },
    });
    const plan = await getCarePlan({ actor: w.therapist, clientId: w.client.userId });
    expect(plan.content.goals).toEqual([
      expect.objectContaining({
        text: 'PHQ-9 back below 10',
        measure: 'PHQ-9 total',
        targetDate,
        evidence: [{ insightId: ids.band }],
      }),
    ]);
  });

  it('accepting without "add to plan" leaves the care plan alone', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    await reviewInsight({ actor: w.therapist, clientId: w.client.userId, input: { action: 'accept', insightId: ids.band } });
    expect((await getCarePlan({ actor: w.therapist, clientId: w.client.userId })).version).toBe(0);
  });

  it('dismisses with a reason, snoozes until a later date, and the snooze ends on its date', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    await reviewInsight({
      actor: w.therapist,
      clientId: w.client.userId,
      input: { action: 'dismiss', insightId: ids.band, reason: 'other', reasonText: 'Retook it after a bad week' },
    });
    await reviewInsight({
      actor: w.therapist,
      clientId: w.client.userId,
      input: { action: 'snooze', insightId: ids.decline, until: addDays(today, 7) },
    });
    let signals = await listSignals({ actor: w.therapist, clientId: w.client.userId });
    expect(signals.open.map((s) => s.id)).toEqual([ids.risk]);
    expect(signals.reviewed.map((r) => [r.action, r.reason, r.snoozedUntil])).toEqual([
      ['snoozed', null, addDays(today, 7)],
      ['dismissed', 'Something else: Retook it after a bad week', null],
    ]);
    await getDatabase().execute(sql`update insights set snoozed_until = ${today} where id = ${ids.decline}`);
    signals = await listSignals({ actor: w.therapist, clientId: w.client.userId });
    expect(signals.open.map((s) => s.id).sort()).toEqual([ids.decline, ids.risk].sort());
  });

  it('refuses bad input and changes nothing', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    const attempt = (input: Parameters<typeof reviewInsight>[0]['input']) =>
      reviewInsight({ actor: w.therapist, clientId: w.client.userId, input });
    await expect(attempt({ action: 'snooze', insightId: ids.decline, until: today })).rejects.toMatchObject({
      code: 'bad_request:input',
      message: 'Choose a date after today.',
    });
    await expect(attempt({ action: 'snooze', insightId: ids.decline, until: 'soon' })).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(attempt({ action: 'dismiss', insightId: ids.decline, reason: 'other', reasonText: ' ' })).rejects.toMatchObject({
      message: 'Say in a few words why.',
    });
    await expect(attempt({ action: 'accept', insightId: ids.decline, addToPlan: 'on', planText: '' })).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    await expect(
      attempt({ action: 'accept', insightId: ids.decline, addToPlan: 'on', planItem: 'goal', planText: 'Mood back to 6' }),
    ).rejects.toMatchObject({
      message: 'Say how the goal is measured.',
    });
    const other = await createClinicWithClient();
    const foreign = await addInsight(other.client);
    await expect(attempt({ action: 'accept', insightId: foreign })).rejects.toMatchObject({ code: 'not_found:insight' });
    const rows = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from insight_reviews where client_id = ${w.client.userId}`,
    );
    expect(rows[0]?.n).toBe(0);
    expect((await listSignals({ actor: w.therapist, clientId: w.client.userId })).open).toHaveLength(3);
    expect((await getCarePlan({ actor: w.therapist, clientId: w.client.userId })).version).toBe(0);
  });

  it('cannot review a signal resting on data the client stopped sharing', async () => {
    const ids = await seedRecord(w);
    await shareAll(w, { grantedAt: new Date(Date.now() - 86_400_000), revokedAt: new Date() });
    await expect(
      reviewInsight({ actor: w.therapist, clientId: w.client.userId, input: { action: 'accept', insightId: ids.decline } }),
    ).rejects.toMatchObject({
      code: 'not_found:insight',
    });
  });
});

describe('the care plan', () => {
  const content = (problem: string, evidence: { insightId: string }[] = []) => ({
    problems: [{ id: 'p1', text: problem, evidence }],
    goals: [{ id: 'g1', text: 'PHQ-9 below 10', measure: 'PHQ-9 total', targetDate, evidence: [] }],
    interventions: [{ id: 'i1', text: 'Behavioural activation' }],
    reviewDate,
  });

  it('keeps every save as a version with who and what changed, and cites evidence both ways', async () => {
    const ids = await seedRecord(w);
    await shareAll(w);
    await saveCarePlan({ actor: w.therapist, input: { clientId: w.client.userId, baseVersion: 0, content: content('Low mood') } });
    await saveCarePlan({
      actor: w.therapist,
      input: { clientId: w.client.userId, baseVersion: 1, content: content('Low mood, worse at weekends', [{ insightId: ids.decline }]) },
    });
    const plan = await getCarePlan({ actor: w.therapist, clientId: w.client.userId });
    expect(plan.version).toBe(2);
    expect(plan.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(plan.versions[0]?.changes).toEqual(['Changed problem “Low mood” to “Low mood, worse at weekends”']);
    expect(plan.versions[1]?.changes).toContain(`Set the next review to ${reviewDate}`);
    expect(plan.content.problems[0]?.evidence).toEqual([{ insightId: ids.decline }]);
    expect((await listSignals({ actor: w.therapist, clientId: w.client.userId })).citedInPlan.map((s) => s.id)).toEqual([ids.decline]);
  });

  it('refuses to overwrite a newer version, and refuses invalid content, changing nothing', async () => {
    await seedRecord(w);
    await shareAll(w);
    await saveCarePlan({ actor: w.therapist, input: { clientId: w.client.userId, baseVersion: 0, content: content('Low mood') } });
    await expect(
      saveCarePlan({ actor: w.therapist, input: { clientId: w.client.userId, baseVersion: 0, content: content('Stale edit') } }),
    ).rejects.toMatchObject({
      code: 'conflict:care_plan_version',
    });
    const bad = { ...content('Low mood'), goals: [{ id: 'g1', text: 'Sleep', measure: 'diary', targetDate: '', evidence: [] }] };
    await expect(
      saveCarePlan({ actor: w.therapist, input: { clientId: w.client.userId, baseVersion: 1, content: bad } }),
    ).rejects.toMatchObject({
      code: 'bad_request:input',
      message: 'Give the goal a target date.',
    });
    const plan = await getCarePlan({ actor: w.therapist, clientId: w.client.userId });
    expect(plan.versions).toHaveLength(1);
    expect(plan.content.problems[0]?.text).toBe('Low mood');
  });

  it('cannot cite a signal or questionnaire the therapist may not see', async () => {
    const ids = await seedRecord(w);
    await grant(w.client, w.therapist, 'checkins');
    const other = await createClinicWithClient();
    for (const insightId of [ids.band, await addInsight(other.client)]) {
      await expect(
        saveCarePlan({
          actor: w.therapist,
          input: { clientId: w.client.userId, baseVersion: 0, content: content('Low mood', [{ insightId }]) },
        }),
      ).rejects.toMatchObject({ code: 'bad_request:input' });
    }
    expect((await getCarePlan({ actor: w.therapist, clientId: w.client.userId })).version).toBe(0);
  });

  it('keeps a citation of data the client stopped sharing when the therapist saves again', async () => {
    const ids = await seedRecord(w);
    await grant(w.client, w.therapist, 'checkins', { grantedAt: new Date(Date.now() - 86_400_000) });
    await saveCarePlan({
      actor: w.therapist,
      input: { clientId: w.client.userId, baseVersion: 0, content: content('Low mood', [{ insightId: ids.decline }]) },
    });
    await getDatabase().execute(sql`update consent_grants set revoked_at = now() where client_id = ${w.client.userId}`);

    const hidden = await getCarePlan({ actor: w.therapist, clientId: w.client.userId });
    expect(hidden.content.problems[0]?.evidence).toEqual([]);
    await reviewInsight({
      actor: w.therapist,
      clientId: w.client.userId,
      input: { action: 'accept', insightId: ids.risk, addToPlan: 'on', planText: 'Risk answer' },
    });
    await saveCarePlan({
      actor: w.therapist,
      input: {
        clientId: w.client.userId,
        baseVersion: 2,
        content: { ...hidden.content, reviewDate: addDays(reviewDate, 14), problems: [...hidden.content.problems] },
      },
    });

    await grant(w.client, w.therapist, 'checkins');
    const plan = await getCarePlan({ actor: w.therapist, clientId: w.client.userId });
    expect(plan.version).toBe(3);
    expect(plan.content.problems).toEqual([expect.objectContaining({ text: 'Low mood', evidence: [{ insightId: ids.decline }] })]);
    expect(plan.versions[1]?.content.problems.map((p) => p.text)).toEqual(['Low mood', 'Risk answer']);
  });

  it('lists session dates for the timeline, drafts included', async () => {
    await shareAll(w);
    const draft = await addDraftNote(w.client, w.therapist, daysAgo(1));
    const timeline = await getClientTimeline({ actor: w.therapist, clientId: w.client.userId, range: '30' });
    expect(timeline.sessions).toEqual([{ noteId: draft, sessionDate: daysAgo(1), status: 'draft' }]);
  });
});
