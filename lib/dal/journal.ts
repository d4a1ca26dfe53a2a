import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { checkInDay } from '@/lib/capture/check-in-day';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { decryptText, encryptText } from '@/lib/crypto/aes-gcm';
import { TandemError } from '@/lib/errors';
import { getSecrets } from '@/lib/secrets';
import { journalEntrySchema, type JournalEntryInput } from '@/lib/validation/journal';
import { canReadClientScope } from './access';
import { raiseUrgentAlert } from './alerts';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';
import { asRows, jsonRows, readShared, type SharedRead } from './shared-reads';

// The ciphertext is bound to its clinic and client: copied onto someone else's row, it fails.
const contextFor = (clinicId: string, clientId: string) => `journal:${clinicId}:${clientId}`;

/** The words of a stored entry; only for callers that have already authorized the read. */
export function decryptJournalText(row: { clinicId: string; clientId: string; ciphertext: string }): string {
  return decryptText(row.ciphertext, getSecrets().encryptionKey, contextFor(row.clinicId, row.clientId));
}

export type SavedJournalEntry = { entryId: string; hasCrisisLanguage: boolean };

/**
 * Saves (creates or autosaves) a journal entry, encrypted with AES-256-GCM. The text is screened
 * for risk language first; the first time an entry hits, an urgent alert is raised in the same
 * transaction, carrying the category (never the words). Once flagged, an entry stays flagged, with
 * the category of its first hit.
 */
export async function saveJournalEntry({
  actor,
  input,
  at = new Date(),
}: {
  actor: Actor;
  input: JournalEntryInput;
  at?: Date;
}): Promise<SavedJournalEntry> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  const parsed = journalEntrySchema.safeParse(input);
  if (!parsed.success || parsed.data.text.trim().length === 0) throw new TandemError('bad_request:input');
  const { entryId, text } = parsed.data;
  const { isHit, category: riskCategory } = screenRiskLanguage(text);
  const ciphertext = encryptText(text, getSecrets().encryptionKey, contextFor(actor.clinicId, actor.userId));
  const j = schema.journalEntries;
  const result = await withActor(actor, async (tx) => {
    let id: string;
    let wasFlagged = false;
    if (entryId) {
      const [existing] = await tx
        .select({ crisisLanguage: j.crisisLanguage })
        .from(j)
        .where(and(eq(j.id, entryId), eq(j.clientId, actor.userId)));
      if (!existing) return null;
      wasFlagged = existing.crisisLanguage;
      await tx
        .update(j)
        .set({ ciphertext, updatedAt: at, ...(isHit && !wasFlagged ? { crisisLanguage: true, riskCategory } : {}) })
        .where(and(eq(j.id, entryId), eq(j.clientId, actor.userId)));
      id = entryId;
    } else {
      const [user] = await tx.select({ timeZone: schema.users.timeZone }).from(schema.users).where(eq(schema.users.id, actor.userId));
      const { localDate } = checkInDay(user?.timeZone ?? 'UTC', at);
      const [row] = await tx
        .insert(j)
        .values({ clinicId: actor.clinicId, clientId: actor.userId, localDate, ciphertext, crisisLanguage: isHit, riskCategory })
        .returning({ id: j.id });
      if (!row) throw new TandemError('internal');
      id = row.id;
    }
    await queueAudit(tx, actor, {
      action: entryId ? 'journal.update' : 'journal.create',
      subjectType: 'journal',
      subjectId: id,
      subjectClientId: actor.userId,
    });
    if (isHit && !wasFlagged) await raiseUrgentAlert(tx, actor, { kind: 'crisis_language', source: 'journal', sourceId: id, riskCategory });
    return { entryId: id, hasCrisisLanguage: wasFlagged || isHit };
  });
  if (!result) throw new TandemError('not_found:journal');
  return result;
}

export type JournalEntryDto = { id: string; localDate: string; text: string; updatedAt: Date };

/** A journal entry as stored, still sealed: decrypted only after the reading transaction commits. */
export type SealedJournalEntry = { id: string; clinicId: string; clientId: string; localDate: string; ciphertext: string; updatedAt: Date };

/** The client's latest `limit` journal entries (at most 100), still sealed, newest first. */
export function journalRead(clientId: string, limit = 20): SharedRead<SealedJournalEntry[]> {
  const j = schema.journalEntries;
  const count = Math.min(Math.max(limit, 1), 100);
  return {
    key: `journal:${clientId}:${count}`,
    json: jsonRows(
      { id: j.id, clinicId: j.clinicId, clientId: j.clientId, localDate: j.localDate, ciphertext: j.ciphertext, updatedAt: j.updatedAt },
      sql`from ${j} where ${j.clientId} = ${clientId}`,
      sql`${j.localDate} desc, ${j.createdAt} desc`,
      count,
    ),
    // JSON carries the time as text: a Date again, as drizzle gives it elsewhere.
    decode: (value) =>
      asRows<Omit<SealedJournalEntry, 'updatedAt'> & { updatedAt: string }>(value).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) })),
  };
}

/**
 * The one read of a client's journal, for the client and their therapist alike, inside a
 * transaction whose caller has already asked `mayRead`: by day, the latest written first within
 * a day, at most 100; audited as read.
 */
export async function readJournalRows(tx: Transaction, actor: Actor, clientId: string, limit: number): Promise<SealedJournalEntry[]> {
  const found = await readShared(tx, journalRead(clientId, limit));
  await queueAudit(tx, actor, { action: 'journal.read', subjectType: 'journal', subjectClientId: clientId });
  return found;
}

/** A client's recent journal entries, decrypted: the client's own, or the therapist's while shared. */
export async function listJournalEntries({
  actor,
  clientId,
  limit = 20,
}: {
  actor: Actor;
  clientId: string;
  limit?: number;
}): Promise<JournalEntryDto[]> {
  const rows = await withActor(actor, async (tx) => {
    if (!(await canReadClientScope(tx, actor, clientId, 'journal'))) {
      await queueAudit(tx, actor, { action: 'journal.read', subjectType: 'journal', subjectClientId: clientId, outcome: 'denied' });
      return null;
    }
    return readJournalRows(tx, actor, clientId, limit);
  });
  if (!rows) throw new TandemError('not_found:client');
  return rows.map((r) => ({ id: r.id, localDate: r.localDate, updatedAt: r.updatedAt, text: decryptJournalText(r) }));
}
