import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { Actor } from '@/lib/dal/context';
import { addDays, localDateIn } from '@/lib/dates';
import { TEST_TIME_ZONE } from './factories';

// Test data for the therapist's workspace (caseload, client page, notes and brief), written as
// the database owner like factories.ts. Test people live in TEST_TIME_ZONE (createPerson), so
// "days ago" is counted in that calendar.

export const daysAgo = (days: number) => addDays(localDateIn(TEST_TIME_ZONE), -days);

/** One check-in a day from `fromDaysAgo` to `toDaysAgo` (inclusive), mood given per day offset. */
export async function addDailyMood(
  client: Actor,
  { fromDaysAgo, toDaysAgo = 0, mood }: { fromDaysAgo: number; toDaysAgo?: number; mood: (daysAgo: number) => number },
) {
  const rows = [];
  for (let d = fromDaysAgo; d >= toDaysAgo; d--) {
    rows.push({
      clinicId: client.clinicId,
      clientId: client.userId,
      localDate: daysAgo(d),
      timeZone: TEST_TIME_ZONE,
      mood: mood(d),
      recordedAt: new Date(Date.now() - d * 86_400_000),
    });
  }
  await getDatabase().insert(schema.checkIns).values(rows);
}

/** A check-in on a given day with tags and, optionally, a note. */
export async function addTaggedCheckIn(
  client: Actor,
  localDate: string,
  { mood = 5, tags, note = null }: { mood?: number; tags: string[]; note?: string | null },
): Promise<void> {
  await getDatabase()
    .insert(schema.checkIns)
    .values({ clinicId: client.clinicId, clientId: client.userId, localDate, timeZone: TEST_TIME_ZONE, mood, tags, note });
}

type InsightSeed = {
  kind?: string;
  scope?: (typeof schema.insightScopeEnum.enumValues)[number];
  severity?: 'info' | 'attention' | 'urgent';
  direction?: 'worsening' | 'improving' | 'neutral';
  reviewState?: 'new' | 'accepted' | 'dismissed';
  windowStart?: string;
  windowEnd?: string;
  summary?: string;
};

/** An open insight as the engine would have stored it; returns its id. */
export async function addInsight(
  client: Actor,
  {
    kind = 'decline',
    scope = 'checkins',
    severity = 'attention',
    direction = 'worsening',
    reviewState = 'new',
    windowStart = daysAgo(30),
    windowEnd = daysAgo(0),
    summary = `A ${kind} signal`,
  }: InsightSeed = {},
): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.insights)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      key: `${kind}:${randomUUID()}`,
      kind,
      scope,
      severity,
      direction,
      windowStart,
      windowEnd,
      summary,
      evidence: {
        method: 'test method',
        numbers: { baselineMean: 6.8, recentMean: 4.1 },
        coverage: { loggedDays: 11, windowDays: 14, text: '11 of the last 14 days logged' },
      },
      engineVersion: 'test',
      reviewState,
    })
    .returning({ id: schema.insights.id });
  if (!row) throw new Error('insight not created');
  return row.id;
}

export async function setCadence(client: Actor, instrument: 'phq9' | 'gad7', cadenceDays: number): Promise<void> {
  await getDatabase()
    .insert(schema.measureSchedules)
    .values({ clinicId: client.clinicId, clientId: client.userId, instrument, cadenceDays });
}

/** A declared break, as the client would set it. */
export async function addPause(client: Actor, startsOn: string, endsOn: string): Promise<void> {
  await getDatabase().insert(schema.pauses).values({ clinicId: client.clinicId, clientId: client.userId, startsOn, endsOn });
}

/** Moves a client's joining date back, so questionnaires and check-ins can be overdue. */
export async function joinedDaysAgo(client: Actor, days: number): Promise<void> {
  await getDatabase()
    .update(schema.memberships)
    .set({ createdAt: new Date(Date.now() - days * 86_400_000) })
    .where(eq(schema.memberships.userId, client.userId));
}

export async function addDraftNote(client: Actor, therapist: Actor, sessionDate: string): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.sessionNotes)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      authorId: therapist.userId,
      sessionDate,
      template: 'soap',
      bodyCiphertext: 'test-ciphertext',
    })
    .returning({ id: schema.sessionNotes.id });
  if (!row) throw new Error('note not created');
  return row.id;
}

/** Ends the client's current assignments and assigns them to another therapist. */
export async function reassign(client: Actor, to: Actor): Promise<void> {
  const db = getDatabase();
  await db
    .update(schema.assignments)
    .set({ endedAt: new Date() })
    .where(and(eq(schema.assignments.clientId, client.userId), isNull(schema.assignments.endedAt)));
  await db.insert(schema.assignments).values({ clinicId: client.clinicId, clientId: client.userId, therapistId: to.userId });
}

/** An urgent alert raised at a given moment, for the therapist. */
export async function addRiskAlertAt(
  client: Actor,
  therapist: Actor,
  createdAt: Date,
  kind: 'item9' | 'crisis_language' = 'item9',
): Promise<void> {
  await getDatabase()
    .insert(schema.alerts)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      therapistId: therapist.userId,
      kind,
      source: kind === 'item9' ? 'measure' : 'journal',
      sourceId: randomUUID(),
      answer: kind === 'item9' ? 1 : null,
      createdAt,
    });
}
