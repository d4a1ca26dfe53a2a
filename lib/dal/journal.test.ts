import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { listSharedJournal } from './client-record';
import { listJournalEntries, saveJournalEntry } from './journal';

type EntryRow = { id: string; ciphertext: string; crisis_language: boolean; risk_category: string | null };
const entriesOf = (clientId: string) =>
  queryRows<EntryRow>(
    getDatabase(),
    sql`select id, ciphertext, crisis_language, risk_category from journal_entries where client_id = ${clientId}`,
  );
const alertsOf = (clientId: string) =>
  queryRows<{ kind: string; answer: number | null; source_id: string; source: string; risk_category: string | null }>(
    getDatabase(),
    sql`select kind, answer, source_id, source, risk_category from alerts where client_id = ${clientId}`,
  );
const auditText = (clinicId: string) =>
  queryRows<{ row: string }>(getDatabase(), sql`select e::text as row from audit_events e where clinic_id = ${clinicId}`).then((r) =>
    r.map((x) => x.row).join('\n'),
  );

const words = 'Walked along the canal with Maria and felt lighter afterwards';

describe('saveJournalEntry', () => {
  it('stores only AES-256-GCM ciphertext: the words never reach the database or the audit log', async () => {
    const { clinicId, client } = await createClinicWithClient();
    const { entryId } = await saveJournalEntry({ actor: client, input: { text: words } });
    const [row] = await entriesOf(client.userId);
    expect(row).toMatchObject({ id: entryId, crisis_language: false, risk_category: null });
    for (const fragment of ['canal', 'Maria', 'lighter']) {
      expect(row!.ciphertext).not.toContain(fragment);
      expect(Buffer.from(row!.ciphertext, 'base64').toString('latin1')).not.toContain(fragment);
      expect(await auditText(clinicId)).not.toContain(fragment);
    }
    expect((await listJournalEntries({ actor: client, clientId: client.userId })).map((e) => e.text)).toEqual([words]);
  });

  it('autosaves into the same entry', async () => {
    const { client } = await createClinicWithClient();
    const { entryId } = await saveJournalEntry({ actor: client, input: { text: 'Walked' } });
    await saveJournalEntry({ actor: client, input: { entryId, text: words } });
    expect((await entriesOf(client.userId)).map((e) => e.id)).toEqual([entryId]);
    expect((await listJournalEntries({ actor: client, clientId: client.userId }))[0]?.text).toBe(words);
  });

  it('flags crisis language and raises one urgent alert, with no text in it', async () => {
    const { client } = await createClinicWithClient();
    const first = await saveJournalEntry({ actor: client, input: { text: 'Some days I want to die' } });
    expect(first.hasCrisisLanguage).toBe(true);
    await saveJournalEntry({
      actor: client,
      input: { entryId: first.entryId, text: 'Some days I want to die. Later I called my sister.' },
    });
    expect((await entriesOf(client.userId))[0]?.crisis_language).toBe(true);
    expect(await alertsOf(client.userId)).toEqual([
      { kind: 'crisis_language', answer: null, source_id: first.entryId, source: 'journal', risk_category: 'wish_to_die' },
    ]);
  });

  it('stores the most serious category found, never the words, and keeps the first category once flagged', async () => {
    const { client } = await createClinicWithClient();
    const text = 'theyd be better off without me. saved up my meds in the drawer';
    const { entryId } = await saveJournalEntry({ actor: client, input: { text } });
    expect((await entriesOf(client.userId))[0]).toMatchObject({ crisis_language: true, risk_category: 'plan_or_preparation' });
    await saveJournalEntry({ actor: client, input: { entryId, text: `${text}. i cut again last night` } });
    await saveJournalEntry({ actor: client, input: { entryId, text: 'Deleted all of that.' } });
    expect((await entriesOf(client.userId))[0]).toMatchObject({ crisis_language: true, risk_category: 'plan_or_preparation' });
    expect(await alertsOf(client.userId)).toEqual([
      { kind: 'crisis_language', answer: null, source_id: entryId, source: 'journal', risk_category: 'plan_or_preparation' },
    ]);
  });

  it('raises nothing for a negated phrase', async () => {
    const { client } = await createClinicWithClient();
    expect((await saveJournalEntry({ actor: client, input: { text: 'I would never hurt myself.' } })).hasCrisisLanguage).toBe(false);
    expect(await alertsOf(client.userId)).toEqual([]);
  });

  it('cannot touch another person’s entry, and stores nothing empty', async () => {
    const { client } = await createClinicWithClient();
    const other = await createPerson(client.clinicId, 'client');
    const { entryId } = await saveJournalEntry({ actor: client, input: { text: words } });
    await expect(saveJournalEntry({ actor: other, input: { entryId, text: 'overwritten' } })).rejects.toMatchObject({
      code: 'not_found:journal',
    });
    await expect(saveJournalEntry({ actor: client, input: { text: '   ' } })).rejects.toMatchObject({ code: 'bad_request:input' });
    expect((await listJournalEntries({ actor: client, clientId: client.userId })).map((e) => e.text)).toEqual([words]);
  });
});

describe('listJournalEntries', () => {
  it('shows the therapist the text only while the client shares the journal', async () => {
    const { client, therapist } = await createClinicWithClient();
    await saveJournalEntry({ actor: client, input: { text: words } });
    await expect(listJournalEntries({ actor: therapist, clientId: client.userId })).rejects.toMatchObject({ code: 'not_found:client' });
    await grant(client, therapist, 'journal');
    expect((await listJournalEntries({ actor: therapist, clientId: client.userId })).map((e) => e.text)).toEqual([words]);
  });
});

describe('the journal’s one order', () => {
  it('is the same for the client and for the therapist they share it with: by day, the latest written first', async () => {
    const { client, therapist } = await createClinicWithClient();
    await grant(client, therapist, 'journal');
    const { entryId: first } = await saveJournalEntry({ actor: client, input: { text: 'Written first, today' } });
    const { entryId: later } = await saveJournalEntry({ actor: client, input: { text: 'Written later, dated the day before' } });
    const written = await saveJournalEntry({ actor: client, input: { text: 'Written last, today' } });
    // As when the client has since moved to a zone where it was still the day before.
    await getDatabase().execute(sql`update journal_entries set local_date = local_date - 1 where id = ${later}`);

    const expected = [written.entryId, first, later];
    expect((await listJournalEntries({ actor: client, clientId: client.userId })).map((e) => e.id)).toEqual(expected);
    expect((await listSharedJournal({ actor: therapist, clientId: client.userId }))?.map((e) => e.id)).toEqual(expected);
  });
});
