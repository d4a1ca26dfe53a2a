import { randomUUID } from 'node:crypto';
import { getDatabase, schema } from '@/db';
import type { Actor } from '@/lib/dal/context';

// Test data for the therapist's client page, written as the database owner like factories.ts.

export async function addInsight(
  client: Actor,
  { kind = 'decline', scope = 'checkins', windowStart = '2026-10-01', windowEnd = '2026-11-02' }: { kind?: string; scope?: 'checkins' | 'measures' | 'journal' | 'risk'; windowStart?: string; windowEnd?: string } = {},
): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.insights)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      key: `${kind}:${randomUUID()}`,
      kind,
      scope,
      severity: 'attention',
      direction: 'worsening',
      windowStart,
      windowEnd,
      summary: `A ${kind} signal`,
      evidence: { method: 'test method', numbers: { baselineMean: 6.8, recentMean: 4.1 }, coverage: { loggedDays: 11, windowDays: 14, text: '11 of the last 14 days logged' } },
      engineVersion: 'test',
    })
    .returning({ id: schema.insights.id });
  if (!row) throw new Error('insight not created');
  return row.id;
}

export async function addCheckInWithNote(client: Actor, localDate: string, note: string, tags: string[]): Promise<void> {
  await getDatabase()
    .insert(schema.checkIns)
    .values({ clinicId: client.clinicId, clientId: client.userId, localDate, timeZone: 'Europe/Lisbon', mood: 5, note, tags });
}

export async function addDraftNote(client: Actor, therapist: Actor, sessionDate: string): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.sessionNotes)
    .values({ clinicId: client.clinicId, clientId: client.userId, authorId: therapist.userId, sessionDate, template: 'soap', bodyCiphertext: 'test-ciphertext' })
    .returning({ id: schema.sessionNotes.id });
  if (!row) throw new Error('note not created');
  return row.id;
}
