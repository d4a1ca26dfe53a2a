import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { assign, createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { reassign } from '@/lib/testing/factories-workspace';
import { withActor } from './context';
import {
  addAddendum,
  createNote,
  deleteDraft,
  embedBriefInNote,
  getNote,
  listNotes,
  listSessionDates,
  saveNoteDraft,
  savePrivateNote,
  signNote,
} from './notes';

async function draftWith(
  w: Awaited<ReturnType<typeof createClinicWithClient>>,
  sections: Record<string, string>,
  template: 'soap' | 'dap' = 'soap',
) {
  const clientId = w.client.userId;
  const { noteId } = await createNote({ actor: w.therapist, clientId, input: { template, sessionDate: '2026-11-20' } });
  const opened = await getNote({ actor: w.therapist, clientId, noteId });
  const { updatedAt } = await saveNoteDraft({
    actor: w.therapist,
    clientId,
    input: { noteId, sessionDate: '2026-11-20', sections, expectedUpdatedAt: opened.updatedAt.toISOString() },
  });
  return { noteId, clientId, updatedAt };
}

const storedBody = async (noteId: string) =>
  (
    await queryRows<{ body: string; status: string }>(
      getDatabase(),
      sql`select body_ciphertext as body, status from session_notes where id = ${noteId}`,
    )
  )[0];

describe('session notes', () => {
  it('the author writes a SOAP draft, encrypted at rest, and reads it back; the list shows it', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: 'Sleeping badly since the move.', plan: 'Sleep diary.' });
    const note = await getNote({ actor: w.therapist, clientId, noteId });
    expect(note).toMatchObject({ template: 'soap', status: 'draft', isAuthor: true, sessionDate: '2026-11-20', brief: null });
    expect(note.sections).toEqual({ subjective: 'Sleeping badly since the move.', objective: '', assessment: '', plan: 'Sleep diary.' });
    expect((await storedBody(noteId))?.body).not.toContain('Sleeping');
    const [row] = await listNotes({ actor: w.therapist, clientId });
    expect(row).toMatchObject({ id: noteId, template: 'soap', status: 'draft', addendaCount: 0, isAuthor: true });
    expect(row?.authorName).toBeTruthy();
    const audit = await queryRows<{ action: string }>(
      getDatabase(),
      sql`select distinct action from audit_events where subject_id = ${noteId} order by action`,
    );
    expect(audit.map((a) => a.action)).toEqual(['note.save', 'note.view']);
  });

  it('a second assigned therapist reads the note, but cannot change or delete it', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId, updatedAt } = await draftWith(w, { subjective: 'Words.' });
    const second = await createPerson(w.clinicId, 'therapist');
    await assign(w.client, second);
    expect((await getNote({ actor: second, clientId, noteId })).sections.subjective).toBe('Words.');
    await expect(
      saveNoteDraft({
        actor: second,
        clientId,
        input: { noteId, sessionDate: '2026-11-20', sections: { subjective: 'Mine' }, expectedUpdatedAt: updatedAt.toISOString() },
      }),
    ).rejects.toMatchObject({ code: 'not_found:note' });
    await expect(deleteDraft({ actor: second, clientId, noteId })).rejects.toMatchObject({ code: 'not_found:note' });
    expect((await getNote({ actor: w.therapist, clientId, noteId })).sections.subjective).toBe('Words.');
  });

  it('is not found for an unassigned therapist of the clinic, another clinic, the admin and the client', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: 'Words.' });
    const colleague = await createPerson(w.clinicId, 'therapist');
    const other = await createClinicWithClient();
    for (const actor of [colleague, other.therapist, w.admin, w.client]) {
      await expect(listNotes({ actor, clientId })).rejects.toMatchObject({ code: 'not_found:client' });
      await expect(getNote({ actor, clientId, noteId })).rejects.toMatchObject({ code: 'not_found:client' });
      await expect(listSessionDates({ actor, clientId })).rejects.toMatchObject({ code: 'not_found:client' });
      await expect(createNote({ actor, clientId, input: { template: 'dap', sessionDate: '2026-11-21' } })).rejects.toMatchObject({
        code: 'not_found:client',
      });
    }
    // Another client's id with this note's id finds nothing either.
    await expect(getNote({ actor: w.therapist, clientId: other.client.userId, noteId })).rejects.toMatchObject({
      code: 'not_found:client',
    });
    await expect(getNote({ actor: w.therapist, clientId, noteId: 'nope' })).rejects.toMatchObject({ code: 'not_found:note' });
    expect(await listNotes({ actor: w.therapist, clientId })).toHaveLength(1);
  });

  it('refuses a save from a stale copy, keeping the newer words', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: 'First.' });
    const stale = (await getNote({ actor: w.therapist, clientId, noteId })).updatedAt.toISOString();
    await saveNoteDraft({
      actor: w.therapist,
      clientId,
      input: { noteId, sessionDate: '2026-11-20', sections: { subjective: 'Second, from another tab.' }, expectedUpdatedAt: stale },
    });
    await expect(
      saveNoteDraft({
        actor: w.therapist,
        clientId,
        input: { noteId, sessionDate: '2026-11-20', sections: { subjective: 'Old tab.' }, expectedUpdatedAt: stale },
      }),
    ).rejects.toMatchObject({ code: 'conflict:note_stale' });
    expect((await getNote({ actor: w.therapist, clientId, noteId })).sections.subjective).toBe('Second, from another tab.');
  });

  it('refuses bad input with a specific message and changes nothing', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId, updatedAt } = await draftWith(w, { data: 'Kept.' }, 'dap');
    const expectedUpdatedAt = updatedAt.toISOString();
    const attempts = [
      [{ noteId, sessionDate: '2026-02-30', sections: { data: 'x' }, expectedUpdatedAt }, 'Enter the session date as a calendar date.'],
      [
        { noteId, sessionDate: '2026-11-20', sections: { data: 'x'.repeat(20_001) }, expectedUpdatedAt },
        'Keep each section to 20,000 characters.',
      ],
      [
        { noteId, sessionDate: '2026-11-20', sections: { subjective: 'x' }, expectedUpdatedAt },
        'These sections do not belong to this note’s template.',
      ],
    ] as const;
    for (const [input, message] of attempts) {
      await expect(saveNoteDraft({ actor: w.therapist, clientId, input })).rejects.toMatchObject({ code: 'bad_request:input', message });
    }
    await expect(
      createNote({ actor: w.therapist, clientId, input: { template: 'narrative' as 'soap', sessionDate: '2026-11-20' } }),
    ).rejects.toMatchObject({
      message: 'Choose SOAP or DAP.',
    });
    const note = await getNote({ actor: w.therapist, clientId, noteId });
    expect(note.sections).toEqual({ data: 'Kept.', assessment: '', plan: '' });
    expect(note.updatedAt.toISOString()).toBe(expectedUpdatedAt);
    expect(await listNotes({ actor: w.therapist, clientId })).toHaveLength(1);
  });

  it('embeds the brief as structured data and returns it as text to insert', async () => {
    const w = await createClinicWithClient();
    await grant(w.client, w.therapist, 'checkins');
    const { noteId, clientId, updatedAt } = await draftWith(w, { subjective: 'Before.' });
    const embedded = await embedBriefInNote({ actor: w.therapist, clientId, noteId, expectedUpdatedAt: updatedAt.toISOString() });
    expect(embedded.text).toMatch(/^Last 14 days/);
    const note = await getNote({ actor: w.therapist, clientId, noteId });
    expect(note.brief).toEqual(embedded.brief);
    expect(note.brief?.mood).not.toBeNull();
    expect(note.updatedAt.toISOString()).toBe(embedded.updatedAt.toISOString());
  });

  it('signing makes the note read-only: later saves and deletes are refused and nothing changes', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId, updatedAt } = await draftWith(w, { subjective: 'Signed words.' });
    await signNote({ actor: w.therapist, clientId, noteId });
    const signed = await getNote({ actor: w.therapist, clientId, noteId });
    expect(signed.status).toBe('signed');
    expect(signed.signedAt).toBeInstanceOf(Date);
    const before = await storedBody(noteId);
    await expect(
      saveNoteDraft({
        actor: w.therapist,
        clientId,
        input: {
          noteId,
          sessionDate: '2026-11-20',
          sections: { subjective: 'Changed.' },
          expectedUpdatedAt: signed.updatedAt.toISOString(),
        },
      }),
    ).rejects.toMatchObject({
      code: 'conflict:note_signed',
      message: 'This note is signed and can no longer be changed. Add an addendum instead.',
    });
    await expect(
      embedBriefInNote({ actor: w.therapist, clientId, noteId, expectedUpdatedAt: updatedAt.toISOString() }),
    ).rejects.toMatchObject({ code: 'conflict:note_signed' });
    await expect(signNote({ actor: w.therapist, clientId, noteId })).rejects.toMatchObject({ code: 'conflict:note_signed' });
    await expect(deleteDraft({ actor: w.therapist, clientId, noteId })).rejects.toMatchObject({ code: 'conflict:note_signed' });
    // Underneath the DAL, the database refuses too, even for the author.
    await expect(
      withActor(w.therapist, (tx) => tx.execute(sql`update session_notes set session_date = '2026-11-21' where id = ${noteId}`)),
    ).rejects.toThrow();
    expect(await storedBody(noteId)).toEqual(before);
    expect(await listSessionDates({ actor: w.therapist, clientId })).toEqual([{ noteId, sessionDate: '2026-11-20' }]);
  });

  it('will not sign an empty note', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: '   ' });
    await expect(signNote({ actor: w.therapist, clientId, noteId })).rejects.toMatchObject({
      message: 'Write at least one section before signing.',
    });
    expect((await getNote({ actor: w.therapist, clientId, noteId })).status).toBe('draft');
  });

  it('adds addenda to a signed note only, each with its own author and time', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: 'Words.' });
    await expect(addAddendum({ actor: w.therapist, clientId, input: { noteId, text: 'Too early.' } })).rejects.toMatchObject({
      code: 'conflict:note_draft',
    });
    await signNote({ actor: w.therapist, clientId, noteId });
    await expect(addAddendum({ actor: w.therapist, clientId, input: { noteId, text: '   ' } })).rejects.toMatchObject({
      message: 'Write the addendum first.',
    });
    await addAddendum({ actor: w.therapist, clientId, input: { noteId, text: 'Client phoned: sleep better.' } });
    const second = await createPerson(w.clinicId, 'therapist', 'Second Therapist');
    await assign(w.client, second);
    await addAddendum({ actor: second, clientId, input: { noteId, text: 'Covering session booked.' } });
    const note = await getNote({ actor: w.therapist, clientId, noteId });
    expect(note.addenda.map((a) => [a.text, a.authorName])).toEqual([
      ['Client phoned: sleep better.', note.authorName],
      ['Covering session booked.', 'Second Therapist'],
    ]);
    expect((await listNotes({ actor: w.therapist, clientId }))[0]?.addendaCount).toBe(2);
    const colleague = await createPerson(w.clinicId, 'therapist');
    await expect(addAddendum({ actor: colleague, clientId, input: { noteId, text: 'Not mine.' } })).rejects.toMatchObject({
      code: 'not_found:client',
    });
    const stored = await queryRows<{ body: string }>(
      getDatabase(),
      sql`select body_ciphertext as body from session_note_addenda where note_id = ${noteId}`,
    );
    expect(stored.map((s) => s.body).join()).not.toContain('phoned');
  });

  it('keeps a private note for its author alone, even after the client moves to another therapist', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: 'Record.' });
    await savePrivateNote({ actor: w.therapist, clientId, input: { noteId, text: 'My hunch about the family.' } });
    await savePrivateNote({ actor: w.therapist, clientId, input: { noteId, text: 'My hunch about the family, revised.' } });
    expect((await getNote({ actor: w.therapist, clientId, noteId })).privateNote?.text).toBe('My hunch about the family, revised.');
    await signNote({ actor: w.therapist, clientId, noteId });

    const next = await createPerson(w.clinicId, 'therapist');
    await reassign(w.client, next);
    const read = await getNote({ actor: next, clientId, noteId });
    expect(read.sections.subjective).toBe('Record.');
    expect(read.privateNote).toBeNull();
    const seen = await withActor(next, (tx) => queryRows(tx, sql`select id from private_notes where session_note_id = ${noteId}`));
    expect(seen).toEqual([]);
    await expect(getNote({ actor: w.therapist, clientId, noteId })).rejects.toMatchObject({ code: 'not_found:client' });

    await savePrivateNote({ actor: next, clientId, input: { noteId, text: 'My own thoughts.' } });
    expect((await getNote({ actor: next, clientId, noteId })).privateNote?.text).toBe('My own thoughts.');
    const rows = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from private_notes where session_note_id = ${noteId}`,
    );
    expect(rows).toEqual([{ n: 2 }]);
    const audit = await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from audit_events where action = 'private_note.save'`,
    );
    expect(audit[0]?.n).toBeGreaterThanOrEqual(3);
  });

  it('lets the author delete a draft', async () => {
    const w = await createClinicWithClient();
    const { noteId, clientId } = await draftWith(w, { subjective: 'Scrap.' });
    await deleteDraft({ actor: w.therapist, clientId, noteId });
    expect(await listNotes({ actor: w.therapist, clientId })).toEqual([]);
  });
});
