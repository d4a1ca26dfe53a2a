import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { Actor } from '@/lib/dal/context';

// Rows for the session-notes tests, written as the database owner like factories.ts.

/** A declared break, as the client would set it. */
export async function addPause(client: Actor, startsOn: string, endsOn: string): Promise<void> {
  await getDatabase().insert(schema.pauses).values({ clinicId: client.clinicId, clientId: client.userId, startsOn, endsOn });
}

/** A check-in with tags on a given day. */
export async function addTaggedCheckIn(client: Actor, localDate: string, mood: number, tags: string[]): Promise<void> {
  await getDatabase().insert(schema.checkIns).values({ clinicId: client.clinicId, clientId: client.userId, localDate, timeZone: 'Europe/Lisbon', mood, tags });
}

/** An open insight of one consent scope, as the engine would have stored it. */
export async function addInsight(client: Actor, scope: 'checkins' | 'measures' | 'journal' | 'risk', summary: string): Promise<void> {
  await getDatabase()
    .insert(schema.insights)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      key: `${scope}:${randomUUID()}`,
      kind: scope === 'risk' ? 'item9' : scope === 'measures' ? 'band_change' : 'decline',
      scope,
      severity: scope === 'risk' ? 'urgent' : 'attention',
      direction: 'worsening',
      windowStart: '2026-11-01',
      windowEnd: '2026-11-20',
      summary,
      evidence: {},
      engineVersion: 'test',
    });
}

/** Ends the client's current assignments and assigns them to another therapist. */
export async function reassign(client: Actor, to: Actor): Promise<void> {
  const db = getDatabase();
  await db.update(schema.assignments).set({ endedAt: new Date() }).where(and(eq(schema.assignments.clientId, client.userId), isNull(schema.assignments.endedAt)));
  await db.insert(schema.assignments).values({ clinicId: client.clinicId, clientId: client.userId, therapistId: to.userId });
}


/** An urgent alert raised at a given moment, for the therapist. */
export async function addRiskAlertAt(client: Actor, therapist: Actor, createdAt: Date, kind: 'item9' | 'crisis_language' = 'item9'): Promise<void> {
  await getDatabase()
    .insert(schema.alerts)
    .values({ clinicId: client.clinicId, clientId: client.userId, therapistId: therapist.userId, kind, sourceId: randomUUID(), answer: kind === 'item9' ? 1 : null, createdAt });
}
