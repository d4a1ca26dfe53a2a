import { randomUUID } from 'node:crypto';
import { getDatabase, schema } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/dal/context';
import type { Role } from '@/lib/auth/roles';

// Test data written as the database owner, the way the seed does: tests then act through the
// DAL or the app role and see only what the policies allow.

export const TEST_PASSWORD = 'correct horse battery staple';
// A documentation address (RFC 5737) standing for the person's source address in throttled calls.
export const TEST_SOURCE = '192.0.2.10';
/** Where every test person lives: their check-ins are dated, and their days counted, in this zone. */
export const TEST_TIME_ZONE = 'Europe/Lisbon';
let passwordHash: Promise<string> | undefined;

export async function createClinic(name = 'Test clinic'): Promise<string> {
  const [row] = await getDatabase().insert(schema.clinics).values({ name }).returning({ id: schema.clinics.id });
  if (!row) throw new Error('clinic not created');
  return row.id;
}

export async function createPerson(clinicId: string, role: Role, name = `${role} ${randomUUID().slice(0, 8)}`): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const db = getDatabase();
  const email = `${randomUUID()}@test.tandem.test`;
  const [user] = await db
    .insert(schema.users)
    .values({ email, name, passwordHash: await passwordHash, timeZone: TEST_TIME_ZONE })
    .returning({ id: schema.users.id });
  if (!user) throw new Error('user not created');
  await db.insert(schema.memberships).values({ userId: user.id, clinicId, role });
  return { userId: user.id, clinicId, role };
}

export async function emailOf(userId: string): Promise<string> {
  const rows = await getDatabase().query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
  if (!rows) throw new Error('no such user');
  return rows.email;
}

export async function assign(client: Actor, therapist: Actor): Promise<void> {
  await getDatabase()
    .insert(schema.assignments)
    .values({ clinicId: client.clinicId, clientId: client.userId, therapistId: therapist.userId });
}

export async function grant(
  client: Actor,
  therapist: Actor,
  scope: 'checkins' | 'journal' | 'measures' | 'companion',
  times: { grantedAt?: Date; expiresAt?: Date; revokedAt?: Date } = {},
): Promise<void> {
  await getDatabase()
    .insert(schema.consentGrants)
    .values({ clinicId: client.clinicId, clientId: client.userId, therapistId: therapist.userId, scope, ...times });
}

export async function addCheckIn(client: Actor, localDate: string, mood: number): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.checkIns)
    .values({ clinicId: client.clinicId, clientId: client.userId, localDate, timeZone: TEST_TIME_ZONE, mood })
    .returning({ id: schema.checkIns.id });
  if (!row) throw new Error('check-in not created');
  return row.id;
}

/** The two days the client of `createClinicWithClient` logged, fixed for tests that fix the clock. */
const TWO_LOGGED_DAYS = [
  { localDate: '2026-11-01', mood: 6 },
  { localDate: '2026-11-02', mood: 4 },
];

/**
 * A clinic with a therapist and an assigned client who logged two days. A test whose reads count
 * back from today passes its own `checkIns` (dated from today, or none): fixed days drift out of
 * any window that ends today.
 */
export async function createClinicWithClient(
  name?: string,
  { checkIns = TWO_LOGGED_DAYS }: { checkIns?: readonly { localDate: string; mood: number }[] } = {},
) {
  const clinicId = await createClinic(name);
  const therapist = await createPerson(clinicId, 'therapist');
  const client = await createPerson(clinicId, 'client');
  const admin = await createPerson(clinicId, 'admin');
  await assign(client, therapist);
  for (const c of checkIns) await addCheckIn(client, c.localDate, c.mood);
  return { clinicId, therapist, client, admin };
}

/** Many check-ins at once (one per entry), for histories long enough to analyse. */
export async function addCheckIns(client: Actor, entries: readonly { localDate: string; mood: number }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await getDatabase()
      .insert(schema.checkIns)
      .values(
        entries.slice(i, i + 500).map((e) => ({ clinicId: client.clinicId, clientId: client.userId, timeZone: TEST_TIME_ZONE, ...e })),
      );
  }
}

export async function addMeasureResponse(client: Actor, instrument: 'phq9' | 'gad7', items: number[], localDate: string): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.measureResponses)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      instrument,
      items,
      localDate,
      completedAt: new Date(`${localDate}T12:00:00Z`),
    })
    .returning({ id: schema.measureResponses.id });
  if (!row) throw new Error('measure response not created');
  return row.id;
}

/** An urgent item-9 alert raised `hoursAgo` hours ago, unacknowledged. */
export async function addAlert(client: Actor, therapist: Actor, hoursAgo: number): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.alerts)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      therapistId: therapist.userId,
      kind: 'item9',
      source: 'measure',
      sourceId: randomUUID(),
      answer: 2,
      createdAt: new Date(Date.now() - hoursAgo * 60 * 60 * 1000),
    })
    .returning({ id: schema.alerts.id });
  if (!row) throw new Error('alert not created');
  return row.id;
}

/** A completed questionnaire `daysAgo` days ago. */
export async function addMeasureDaysAgo(client: Actor, instrument: 'phq9' | 'gad7', items: number[], daysAgo: number): Promise<void> {
  const completedAt = new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000);
  await getDatabase()
    .insert(schema.measureResponses)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      instrument,
      items,
      completedAt,
      localDate: completedAt.toISOString().slice(0, 10),
    });
}

/** Another client of the same clinic, assigned to this therapist. */
export async function addClientOf(therapist: Actor, name?: string): Promise<Actor> {
  const client = await createPerson(therapist.clinicId, 'client', name);
  await assign(client, therapist);
  return client;
}

export async function acknowledgeAlert(alertId: string, clinicId: string, by: Actor): Promise<void> {
  await getDatabase()
    .insert(schema.alertAcknowledgements)
    .values({ clinicId, alertId, acknowledgedBy: by.userId, action: 'contacted_client' });
}

/** A journal row with placeholder ciphertext: enough for tests about rows, not about words. */
export async function addJournalEntry(client: Actor, localDate: string): Promise<void> {
  await getDatabase()
    .insert(schema.journalEntries)
    .values({ clinicId: client.clinicId, clientId: client.userId, localDate, ciphertext: 'test-ciphertext' });
}

export async function addSignedNote(client: Actor, therapist: Actor, sessionDate: string): Promise<string> {
  const [row] = await getDatabase()
    .insert(schema.sessionNotes)
    .values({
      clinicId: client.clinicId,
      clientId: client.userId,
      authorId: therapist.userId,
      sessionDate,
      template: 'soap',
      bodyCiphertext: 'test-ciphertext',
      status: 'signed',
      signedAt: new Date(),
    })
    .returning({ id: schema.sessionNotes.id });
  if (!row) throw new Error('note not created');
  return row.id;
}
