import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { TandemError } from '@/lib/errors';
import { localDateIn } from '@/lib/dates';
import type { FhirExportInput } from '@/lib/export/fhir';
import { mayRead } from './access';
import { queueAudit } from './audit';
import { withAssignedClient } from './client-record';
import { companionExportFor, type CompanionExport } from './companion';
import { withActor, type Actor } from './context';
import { decryptJournalText } from './journal';

export const EXPORT_FORMAT = 'tandem-export';
export const EXPORT_VERSION = 1;

export type MyDataExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  person: { name: string; email: string; timeZone: string };
  checkIns: {
    localDate: string;
    recordedAt: string;
    timeZone: string;
    mood: number;
    anxiety: number | null;
    energy: number | null;
    sleepHours: number | null;
    tags: string[];
    note: string | null;
    source: string;
  }[];
  measureResponses: { instrument: 'phq9' | 'gad7'; items: number[]; difficulty: number | null; completedAt: string; localDate: string }[];
  /** Decrypted for the person themself: the export is theirs. */
  journalEntries: { localDate: string; createdAt: string; updatedAt: string; text: string }[];
  /** Declared breaks; a cancelled break ends on the day it was cancelled. */
  pauses: { start: string; end: string; cancelledAt: string | null }[];
  customTags: string[];
  sharing: { therapistName: string; scope: string; grantedAt: string; expiresAt: string | null; revokedAt: string | null }[];
  /** Conversations with the companion and what was saved with it, decrypted like the journal. */
  companion: CompanionExport;
};

/**
 * Everything the client has logged, in the shape `lib/insights/history-file.ts` reads. Only
 * the person themself may export it; the export is audited.
 */
export async function exportMyData({ actor, format }: { actor: Actor; format: 'json' | 'csv' }): Promise<MyDataExport> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [person] = await tx
      .select({ name: schema.users.name, email: schema.users.email, timeZone: schema.users.timeZone })
      .from(schema.users)
      .where(eq(schema.users.id, actor.userId));
    if (!person) throw new TandemError('not_found:page');
    const c = schema.checkIns;
    const checkIns = await tx.select().from(c).where(eq(c.clientId, actor.userId)).orderBy(asc(c.localDate), asc(c.recordedAt));
    const m = schema.measureResponses;
    const measures = await tx.select().from(m).where(eq(m.clientId, actor.userId)).orderBy(asc(m.completedAt));
    const j = schema.journalEntries;
    const journal = await tx
      .select({
        localDate: j.localDate,
        createdAt: j.createdAt,
        updatedAt: j.updatedAt,
        clinicId: j.clinicId,
        clientId: j.clientId,
        ciphertext: j.ciphertext,
      })
      .from(j)
      .where(eq(j.clientId, actor.userId))
      .orderBy(asc(j.localDate), asc(j.createdAt));
    const p = schema.pauses;
    const pauses = await tx.select().from(p).where(eq(p.clientId, actor.userId)).orderBy(asc(p.startsOn));
    const tags = await tx
      .select({ label: schema.customTags.label })
      .from(schema.customTags)
      .where(eq(schema.customTags.clientId, actor.userId))
      .orderBy(asc(schema.customTags.label));
    const g = schema.consentGrants;
    const grants = await tx
      .select({ therapistName: schema.users.name, scope: g.scope, grantedAt: g.grantedAt, expiresAt: g.expiresAt, revokedAt: g.revokedAt })
      .from(g)
      .leftJoin(schema.users, eq(schema.users.id, g.therapistId))
      .where(eq(g.clientId, actor.userId))
      .orderBy(asc(g.grantedAt));
    const companion = await companionExportFor(tx, actor);
    await queueAudit(tx, actor, { action: `account.export_${format}`, subjectType: 'account', subjectClientId: actor.userId });

    const iso = (d: Date | null) => (d === null ? null : d.toISOString());
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      person,
      checkIns: checkIns.map((x) => ({
        localDate: x.localDate,
        recordedAt: x.recordedAt.toISOString(),
        timeZone: x.timeZone,
        mood: x.mood,
        anxiety: x.anxiety,
        energy: x.energy,
        sleepHours: x.sleepHours,
        tags: x.tags,
        note: x.note,
        source: x.source,
      })),
      measureResponses: measures.map((x) => ({
        instrument: x.instrument,
        items: x.items,
        difficulty: x.difficulty,
        completedAt: x.completedAt.toISOString(),
        localDate: x.localDate,
      })),
      journalEntries: journal.map((x) => ({
        localDate: x.localDate,
        createdAt: x.createdAt.toISOString(),
        updatedAt: x.updatedAt.toISOString(),
        text: decryptJournalText(x),
      })),
      pauses: pauses.flatMap((x): MyDataExport['pauses'] => {
        if (!x.cancelledAt) return [{ start: x.startsOn, end: x.endsOn, cancelledAt: null }];
        const cancelledOn = localDateIn(person.timeZone, x.cancelledAt);
        if (cancelledOn < x.startsOn) return [];
        return [{ start: x.startsOn, end: cancelledOn < x.endsOn ? cancelledOn : x.endsOn, cancelledAt: x.cancelledAt.toISOString() }];
      }),
      customTags: tags.map((t) => t.label),
      sharing: grants.map((x) => ({
        therapistName: x.therapistName ?? 'A former therapist',
        scope: x.scope,
        grantedAt: x.grantedAt.toISOString(),
        expiresAt: iso(x.expiresAt),
        revokedAt: iso(x.revokedAt),
      })),
      companion,
    };
  });
}

/**
 * One client's record for the FHIR export (`lib/export/fhir.ts`). The client gets all of theirs;
 * their assigned therapist only the scopes the client shares with them now (check-ins as mood,
 * questionnaires), and anyone else not_found:client. Audited per kind of data exported.
 */
export async function exportFhirRecord({ actor, clientId }: { actor: Actor; clientId: string }): Promise<FhirExportInput> {
  if (actor.role === 'client') {
    if (clientId !== actor.userId) throw new TandemError('not_found:client');
    return withActor(actor, async (tx) => {
      const [person] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, clientId));
      if (!person) throw new TandemError('not_found:client');
      await queueAudit(tx, actor, { action: 'account.export_fhir', subjectType: 'account', subjectClientId: clientId });
      return readFhirRecord(tx, { id: clientId, name: person.name }, { checkIns: true, measures: true });
    });
  }
  return withAssignedClient(actor, clientId, { action: 'client.export', subjectType: 'caseload' }, async (tx, client) => {
    const scopes = { checkIns: mayRead(client, 'checkins'), measures: mayRead(client, 'measures') };
    await queueAudit(tx, actor, { action: 'client.export', subjectType: 'caseload', subjectClientId: clientId });
    if (scopes.checkIns) await queueAudit(tx, actor, { action: 'check_ins.export', subjectType: 'check_ins', subjectClientId: clientId });
    if (scopes.measures) await queueAudit(tx, actor, { action: 'measures.export', subjectType: 'measures', subjectClientId: clientId });
    return readFhirRecord(tx, { id: clientId, name: client.name }, scopes);
  });
}

async function readFhirRecord(
  tx: Transaction,
  client: FhirExportInput['client'],
  scopes: { checkIns: boolean; measures: boolean },
): Promise<FhirExportInput> {
  const c = schema.checkIns;
  const m = schema.measureResponses;
  const checkIns = scopes.checkIns
    ? await tx
        .select({ id: c.id, localDate: c.localDate, recordedAt: c.recordedAt, mood: c.mood })
        .from(c)
        .where(eq(c.clientId, client.id))
        .orderBy(asc(c.localDate), asc(c.recordedAt))
    : null;
  const measures = scopes.measures
    ? await tx
        .select({ id: m.id, instrument: m.instrument, items: m.items, difficulty: m.difficulty, completedAt: m.completedAt })
        .from(m)
        .where(eq(m.clientId, client.id))
        .orderBy(asc(m.completedAt))
    : null;
  return {
    exportedAt: new Date().toISOString(),
    client,
    checkIns: checkIns?.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })) ?? null,
    measures: measures?.map((x) => ({ ...x, completedAt: x.completedAt.toISOString() })) ?? null,
  };
}
