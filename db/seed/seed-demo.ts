import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { localDateIn } from '@/lib/dates';
import { loadSecrets } from '@/lib/secret-sources';
import type { Database, Transaction } from '../index';
import * as schema from '../schema';
import { seedCompanionPersonas } from './companion-demo';
import { seedFrontDoor } from './front-door';
import { generateClinic, type DemoRows } from './generate';
import { seedOutreach } from './outreach';
import { DEMO_PASSWORD, demoClinic, harbourClinic } from './personas';
import { generateSessions, type SessionRows } from './sessions';

/** The random seeds of the demo clinics: the same seed gives the same people with the same ids. */
export const DEMO_SEEDS = { demo: 20261126, harbour: 1126 } as const;

export type SeedResult = { seeded: boolean; today: string };

/**
 * Seeds the demo clinics once. Deterministic for a given `today`: the same people, logs and
 * patterns, placed so that the planted patterns end on that day. Runs as the database owner.
 */
export async function seedDemo(db: Database, options: { today?: string } = {}): Promise<SeedResult> {
  const today = options.today ?? localDateIn(demoClinic.timeZone);
  const [existing] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, demoClinic.admins[0]?.email ?? ''));
  if (existing) return { seeded: false, today };

  const clinics = [generateClinic(demoClinic, today, DEMO_SEEDS.demo), generateClinic(harbourClinic, today, DEMO_SEEDS.harbour)];
  // Each account gets its own salt, as a real one would.
  const hashes = await Promise.all(clinics.map((rows) => Promise.all(rows.users.map(() => hashPassword(DEMO_PASSWORD)))));
  const { encryptionKey } = loadSecrets();
  await db.transaction(async (tx) => {
    for (const [i, rows] of clinics.entries()) {
      await insertRows(tx, rows, hashes[i] ?? []);
      await insertSessions(tx, generateSessions(rows, today, encryptionKey, 514 + i));
    }
    await seedCompanionPersonas(tx, clinics[0]!, today, await hashPassword(DEMO_PASSWORD));
    await seedFrontDoor(tx);
    await seedOutreach(tx, today);
  });
  return { seeded: true, today };
}

async function insertRows(tx: Transaction, rows: DemoRows, passwordHashes: string[]) {
  const inBatches = async <T>(items: T[], insert: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 500) await insert(items.slice(i, i + 500));
  };
  await tx.insert(schema.clinics).values(rows.clinics);
  await tx.insert(schema.users).values(rows.users.map((u, i) => ({ ...u, passwordHash: passwordHashes[i] })));
  await tx.insert(schema.memberships).values(rows.memberships);
  await inBatches(rows.assignments, (b) => tx.insert(schema.assignments).values(b));
  await inBatches(rows.consentGrants, (b) => tx.insert(schema.consentGrants).values(b));
  await inBatches(rows.checkIns, (b) => tx.insert(schema.checkIns).values(b));
  await inBatches(rows.measureResponses, (b) => tx.insert(schema.measureResponses).values(b));
  await inBatches(rows.measureSchedules, (b) => tx.insert(schema.measureSchedules).values(b));
  await inBatches(rows.pauses, (b) => tx.insert(schema.pauses).values(b));
  await inBatches(rows.alerts, (b) => tx.insert(schema.alerts).values(b));
}

async function insertSessions(tx: Transaction, rows: SessionRows) {
  if (rows.notes.length > 0) await tx.insert(schema.sessionNotes).values(rows.notes);
  if (rows.addenda.length > 0) await tx.insert(schema.sessionNoteAddenda).values(rows.addenda);
  if (rows.privateNotes.length > 0) await tx.insert(schema.privateNotes).values(rows.privateNotes);
}
