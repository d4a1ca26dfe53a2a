import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { Actor } from '@/lib/dal/context';
import { addDays, localDateIn } from '@/lib/dates';

// Caseload test data, written as the database owner like lib/testing/factories.ts. Test people
// live in Europe/Lisbon (createPerson), so "days ago" is counted in that calendar.

export const daysAgo = (days: number) => addDays(localDateIn('Europe/Lisbon'), -days);

/** One check-in a day from `fromDaysAgo` to `toDaysAgo` (inclusive), mood given per day offset. */
export async function addDailyMood(client: Actor, { fromDaysAgo, toDaysAgo = 0, mood }: { fromDaysAgo: number; toDaysAgo?: number; mood: (daysAgo: number) => number }) {
  const rows = [];
  for (let d = fromDaysAgo; d >= toDaysAgo; d--) {
    rows.push({ clinicId: client.clinicId, clientId: client.userId, localDate: daysAgo(d), timeZone: 'Europe/Lisbon', mood: mood(d), recordedAt: new Date(Date.now() - d * 86_400_000) });
  }
  await getDatabase().insert(schema.checkIns).values(rows);
}

export async function addInsight(
  client: Actor,
  {
    kind,
    scope,
    severity = 'attention',
    direction = 'worsening',
    reviewState = 'new',
  }: {
    kind: string;
    scope: 'checkins' | 'journal' | 'measures' | 'risk';
    severity?: 'info' | 'attention' | 'urgent';
    direction?: 'worsening' | 'improving' | 'neutral';
    reviewState?: 'new' | 'accepted' | 'dismissed';
  },
): Promise<void> {
  await getDatabase()
    .insert(schema.insights)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      key: `${kind}:${randomUUID()}`,
      kind,
      scope,
      severity,
      direction,
      windowStart: daysAgo(30),
      windowEnd: daysAgo(0),
      summary: `Test ${kind}`,
      evidence: {},
      engineVersion: 'test',
      reviewState,
    });
}

export async function setCadence(client: Actor, instrument: 'phq9' | 'gad7', cadenceDays: number): Promise<void> {
  await getDatabase().insert(schema.measureSchedules).values({ clinicId: client.clinicId, clientId: client.userId, instrument, cadenceDays });
}

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
