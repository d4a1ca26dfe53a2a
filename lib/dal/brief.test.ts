import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { renderBriefText } from '@/lib/insights/brief';
import { addMeasureResponse, addSignedNote, createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { addInsight, addPause, addRiskAlertAt, addTaggedCheckIn } from '@/lib/testing/factories-workspace';
import { getSinceLastSessionBrief } from './brief';

const now = new Date('2026-11-26T12:00:00Z');
const day = 24 * 60 * 60 * 1000;

/** A client with two weeks of tagged check-ins, two questionnaires, signals of every scope (check-ins, measures, risk) and a risk answer. */
async function world() {
  const w = await createClinicWithClient();
  for (const [i, mood] of [4, 4, 5, 3, 4, 4].entries())
    await addTaggedCheckIn(w.client, `2026-11-${15 + i}`, { mood, tags: ['work', ...(i % 2 ? ['tired'] : [])] });
  await addMeasureResponse(w.client, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-10-30');
  await addMeasureResponse(w.client, 'phq9', [2, 2, 2, 2, 2, 2, 2, 1, 0], '2026-11-20');
  await addInsight(w.client, { scope: 'checkins', summary: 'Mood has been falling for 3 weeks.' });
  await addInsight(w.client, { kind: 'band_change', scope: 'measures', summary: 'PHQ-9 moved from Mild to Moderately severe.' });
  await addInsight(w.client, { kind: 'item9', scope: 'risk', severity: 'urgent', summary: 'PHQ-9 item 9 answered above 0.' });
  await addRiskAlertAt(w.client, w.therapist, new Date('2026-11-22T19:00:00Z'));
  return w;
}

describe('the since-last-session brief', () => {
  it('gives the assigned therapist everything shared: mood, questionnaires, signals, risk, missed days and tags', async () => {
    const w = await world();
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope);
    await addPause(w.client, '2026-11-24', '2026-11-26');
    const brief = await getSinceLastSessionBrief({ actor: w.therapist, clientId: w.client.userId, now });
    expect(brief.window).toEqual({ from: '2026-11-13', to: '2026-11-26', lastSessionDate: null });
    expect(brief.mood).toMatchObject({ daysLogged: 6, mean: 4 });
    expect(brief.measures?.[0]).toMatchObject({ instrument: 'phq9', change: 7, verdict: 'reliable deterioration' });
    expect(brief.signals.map((s) => s.summary)).toHaveLength(3);
    expect(brief.riskAnswers).toEqual([{ kind: 'item9', source: 'measure', answer: 1, date: '2026-11-22' }]);
    expect(brief.missedCheckIns).toEqual({ expectedDays: 11, loggedDays: 6, missedDays: 5 });
    expect(brief.topTags).toEqual([
      { tag: 'work', count: 6 },
      { tag: 'tired', count: 3 },
    ]);
    const audit = await queryRows<{ action: string }>(
      getDatabase(),
      sql`select action from audit_events where actor_id = ${w.therapist.userId} and outcome = 'allowed' order by action`,
    );
    expect(audit.map((a) => a.action)).toEqual(['alerts.read', 'check_ins.read', 'insights.read', 'measures.read']);
  });

  it('starts the day after the last signed session', async () => {
    const w = await world();
    await grant(w.client, w.therapist, 'checkins');
    await addSignedNote(w.client, w.therapist, '2026-11-17');
    const brief = await getSinceLastSessionBrief({ actor: w.therapist, clientId: w.client.userId, now });
    expect(brief.window).toEqual({ from: '2026-11-18', to: '2026-11-26', lastSessionDate: '2026-11-17' });
    expect(brief.mood?.daysLogged).toBe(3);
  });

  const closed = {
    revoked: { revokedAt: new Date(now.getTime() - 5 * day), grantedAt: new Date(now.getTime() - 60 * day) },
    expired: { expiresAt: new Date(Date.now() - day), grantedAt: new Date(now.getTime() - 60 * day) },
  } as const;

  for (const state of ['revoked', 'expired', 'never granted'] as const) {
    it(`shows nothing of check-ins, questionnaires or journal when sharing is ${state}, but always the risk answers`, async () => {
      const w = await world();
      if (state !== 'never granted')
        for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope, closed[state]);
      const brief = await getSinceLastSessionBrief({ actor: w.therapist, clientId: w.client.userId, now });
      expect(brief.mood).toBeNull();
      expect(brief.measures).toBeNull();
      expect(brief.missedCheckIns).toBeNull();
      expect(brief.topTags).toBeNull();
      expect(brief.signals.map((s) => s.summary)).toEqual(['PHQ-9 item 9 answered above 0.']);
      expect(brief.riskAnswers).toEqual([{ kind: 'item9', source: 'measure', answer: 1, date: '2026-11-22' }]);
      const text = renderBriefText(brief);
      expect(text).not.toMatch(/mood|check-in|tag|GAD|questionnaire|journal|falling|Moderately/i);
      expect(text).toContain('PHQ-9 item 9 answered "several days" (1 of 3).');
    });
  }

  it('shows only the scopes that are shared', async () => {
    const w = await world();
    await grant(w.client, w.therapist, 'measures');
    const brief = await getSinceLastSessionBrief({ actor: w.therapist, clientId: w.client.userId, now });
    expect(brief.mood).toBeNull();
    expect(brief.topTags).toBeNull();
    expect(brief.measures).toHaveLength(1);
    expect(brief.signals.map((s) => s.summary).toSorted()).toEqual([
      'PHQ-9 item 9 answered above 0.',
      'PHQ-9 moved from Mild to Moderately severe.',
    ]);
  });

  it('is not found for an unassigned therapist of the clinic, another clinic, the admin and the client', async () => {
    const w = await world();
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope);
    const colleague = await createPerson(w.clinicId, 'therapist');
    const other = await createClinicWithClient();
    for (const actor of [colleague, other.therapist, w.admin, w.client]) {
      await expect(getSinceLastSessionBrief({ actor, clientId: w.client.userId, now })).rejects.toMatchObject({ code: 'not_found:client' });
    }
    await expect(getSinceLastSessionBrief({ actor: w.therapist, clientId: 'not-a-uuid', now })).rejects.toMatchObject({
      code: 'not_found:client',
    });
    const denied = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from audit_events where action = 'brief.view' and outcome = 'denied' and subject_client_id = ${w.client.userId}`,
    );
    expect(denied).toEqual([{ n: 4 }]);
  });
});
