import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { schema, type Transaction } from '@/db';
import { decryptText, encryptText } from '@/lib/crypto/aes-gcm';
import { addendumContext, noteContext, privateNoteContext as privateContext } from '@/lib/crypto/note-contexts';
import { TandemError } from '@/lib/errors';
import { renderBriefText, type Brief } from '@/lib/insights/brief';
import { getSecrets } from '@/lib/secrets';
import {
  addendumSchema,
  newNoteSchema,
  noteDraftSchema,
  privateNoteSchema,
  sectionKeysOf,
  type AddendumInput,
  type NewNoteInput,
  type NoteDraftInput,
  type NoteTemplate,
  type PrivateNoteInput,
} from '@/lib/validation/notes';
import { admitAssignedTherapist } from './access';
import { queueAudit, type AuditAction } from './audit';
import { briefFor } from './brief';
import { clientAccessOf } from './client-record';
import { withActor, type Actor } from './context';

type NoteBody = { sections: Record<string, string>; brief: Brief | null };

const seal = (text: string, context: string) => encryptText(text, getSecrets().encryptionKey, context);
const open = (ciphertext: string, context: string) => decryptText(ciphertext, getSecrets().encryptionKey, context);
const sealBody = (clinicId: string, noteId: string, body: NoteBody) => seal(JSON.stringify(body), noteContext(clinicId, noteId));
const openBody = (clinicId: string, noteId: string, ciphertext: string) =>
  JSON.parse(open(ciphertext, noteContext(clinicId, noteId))) as NoteBody;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** Notes are written and read by the client's assigned therapist; everyone else is told not_found. */
async function run<T>(actor: Actor, clientId: string, action: AuditAction, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const result = await withActor(actor, async (tx) =>
    (await admitAssignedTherapist(tx, actor, clientId, { action, subjectType: 'session_notes' })) ? { value: await work(tx) } : null,
  );
  if (!result) throw new TandemError('not_found:client');
  return result.value;
}

async function findNote(tx: Transaction, clientId: string, noteId: string) {
  if (!isUuid(noteId)) return undefined;
  const n = schema.sessionNotes;
  const [row] = await tx
    .select({
      id: n.id,
      clinicId: n.clinicId,
      authorId: n.authorId,
      sessionDate: n.sessionDate,
      template: n.template,
      status: n.status,
      signedAt: n.signedAt,
      bodyCiphertext: n.bodyCiphertext,
      updatedAt: n.updatedAt,
    })
    .from(n)
    .where(and(eq(n.id, noteId), eq(n.clientId, clientId)));
  return row;
}

/** The author's draft, or a clear refusal: someone else's or a missing note is not_found, a signed one is read-only. */
async function findOwnDraft(tx: Transaction, actor: Actor, clientId: string, noteId: string) {
  const note = await findNote(tx, clientId, noteId);
  if (!note || note.authorId !== actor.userId) throw new TandemError('not_found:note');
  if (note.status === 'signed') throw new TandemError('conflict:note_signed');
  return note;
}

async function namesOf(tx: Transaction, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type NoteSummary = {
  id: string;
  sessionDate: string;
  template: NoteTemplate;
  status: 'draft' | 'signed';
  authorName: string | null;
  isAuthor: boolean;
  addendaCount: number;
  updatedAt: Date;
};

/** The client's session notes, newest session first, for the assigned therapist. */
export async function listNotes({ actor, clientId }: { actor: Actor; clientId: string }): Promise<NoteSummary[]> {
  return run(actor, clientId, 'note.view', async (tx) => {
    const n = schema.sessionNotes;
    const a = schema.sessionNoteAddenda;
    const rows = await tx
      .select({
        id: n.id,
        sessionDate: n.sessionDate,
        template: n.template,
        status: n.status,
        authorId: n.authorId,
        updatedAt: n.updatedAt,
      })
      .from(n)
      .where(eq(n.clientId, clientId))
      .orderBy(desc(n.sessionDate), desc(n.createdAt));
    const ids = rows.map((r) => r.id);
    const counts =
      ids.length === 0 ? [] : await tx.select({ noteId: a.noteId, n: count() }).from(a).where(inArray(a.noteId, ids)).groupBy(a.noteId);
    const addenda = new Map(counts.map((c) => [c.noteId, c.n]));
    const names = await namesOf(
      tx,
      rows.map((r) => r.authorId),
    );
    await queueAudit(tx, actor, { action: 'note.view', subjectType: 'session_notes', subjectClientId: clientId });
    return rows.map(({ authorId, ...r }) => ({
      ...r,
      authorName: authorId ? (names.get(authorId) ?? null) : null,
      isAuthor: authorId === actor.userId,
      addendaCount: addenda.get(r.id) ?? 0,
    }));
  });
}

/** The session dates of the client's signed notes, oldest first: markers for the timeline. */
export async function listSessionDates({
  actor,
  clientId,
}: {
  actor: Actor;
  clientId: string;
}): Promise<{ noteId: string; sessionDate: string }[]> {
  return run(actor, clientId, 'note.view', async (tx) => {
    const n = schema.sessionNotes;
    const rows = await tx
      .select({ noteId: n.id, sessionDate: n.sessionDate })
      .from(n)
      .where(and(eq(n.clientId, clientId), eq(n.status, 'signed')))
      .orderBy(asc(n.sessionDate));
    await queueAudit(tx, actor, { action: 'note.view', subjectType: 'session_notes', subjectClientId: clientId });
    return rows;
  });
}

export type NoteDto = {
  id: string;
  clientId: string;
  sessionDate: string;
  template: NoteTemplate;
  status: 'draft' | 'signed';
  signedAt: Date | null;
  updatedAt: Date;
  authorName: string | null;
  isAuthor: boolean;
  sections: Record<string, string>;
  brief: Brief | null;
  addenda: { id: string; authorName: string | null; createdAt: Date; text: string }[];
  /** The reader's own private note on this session; never anyone else's. */
  privateNote: { text: string; updatedAt: Date } | null;
};

/** One session note with its addenda and the reader's own private note, decrypted. */
export async function getNote({ actor, clientId, noteId }: { actor: Actor; clientId: string; noteId: string }): Promise<NoteDto> {
  return run(actor, clientId, 'note.view', async (tx) => {
    const note = await findNote(tx, clientId, noteId);
    if (!note) throw new TandemError('not_found:note');
    const a = schema.sessionNoteAddenda;
    const addenda = await tx
      .select({ id: a.id, authorId: a.authorId, createdAt: a.createdAt, bodyCiphertext: a.bodyCiphertext })
      .from(a)
      .where(eq(a.noteId, noteId))
      .orderBy(asc(a.createdAt));
    const p = schema.privateNotes;
    const [own] = await tx
      .select({ id: p.id, bodyCiphertext: p.bodyCiphertext, updatedAt: p.updatedAt })
      .from(p)
      .where(and(eq(p.sessionNoteId, noteId), eq(p.authorId, actor.userId)));
    const names = await namesOf(tx, [note.authorId, ...addenda.map((x) => x.authorId)]);
    await queueAudit(tx, actor, { action: 'note.view', subjectType: 'session_notes', subjectId: noteId, subjectClientId: clientId });
    if (own)
      await queueAudit(tx, actor, {
        action: 'private_note.view',
        subjectType: 'private_notes',
        subjectId: own.id,
        subjectClientId: clientId,
      });
    const body = openBody(note.clinicId, note.id, note.bodyCiphertext);
    return {
      id: note.id,
      clientId,
      sessionDate: note.sessionDate,
      template: note.template,
      status: note.status,
      signedAt: note.signedAt,
      updatedAt: note.updatedAt,
      authorName: note.authorId ? (names.get(note.authorId) ?? null) : null,
      isAuthor: note.authorId === actor.userId,
      sections: body.sections,
      brief: body.brief,
      addenda: addenda.map((x) => ({
        id: x.id,
        authorName: x.authorId ? (names.get(x.authorId) ?? null) : null,
        createdAt: x.createdAt,
        text: open(x.bodyCiphertext, addendumContext(note.clinicId, note.id, x.id)),
      })),
      privateNote: own
        ? { text: open(own.bodyCiphertext, privateContext(note.clinicId, actor.userId, own.id)), updatedAt: own.updatedAt }
        : null,
    };
  });
}

function parseOrThrow<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new TandemError('bad_request:input', result.error.issues[0]?.message);
  return result.data;
}

/** Starts a draft note for a session, empty in every section of its template. */
export async function createNote({
  actor,
  clientId,
  input,
}: {
  actor: Actor;
  clientId: string;
  input: NewNoteInput;
}): Promise<{ noteId: string }> {
  const { template, sessionDate } = parseOrThrow(newNoteSchema.safeParse(input));
  return run(actor, clientId, 'note.save', async (tx) => {
    const noteId = randomUUID();
    const sections = Object.fromEntries(sectionKeysOf(template).map((key) => [key, '']));
    await tx.insert(schema.sessionNotes).values({
      id: noteId,
      clinicId: actor.clinicId,
      clientId,
      authorId: actor.userId,
      sessionDate,
      template,
      bodyCiphertext: sealBody(actor.clinicId, noteId, { sections, brief: null }),
      // Set here rather than by the database, so the editor's copy matches it to the millisecond.
      updatedAt: new Date(),
    });
    await queueAudit(tx, actor, { action: 'note.save', subjectType: 'session_notes', subjectId: noteId, subjectClientId: clientId });
    return { noteId };
  });
}

async function writeDraft(
  tx: Transaction,
  actor: Actor,
  clientId: string,
  note: { id: string; clinicId: string; updatedAt: Date },
  values: { sessionDate?: string; body: NoteBody },
) {
  const n = schema.sessionNotes;
  const updatedAt = new Date(Math.max(Date.now(), note.updatedAt.getTime() + 1));
  const [saved] = await tx
    .update(n)
    .set({
      ...(values.sessionDate ? { sessionDate: values.sessionDate } : {}),
      bodyCiphertext: sealBody(note.clinicId, note.id, values.body),
      updatedAt,
    })
    .where(and(eq(n.id, note.id), eq(n.status, 'draft'), eq(n.updatedAt, note.updatedAt)))
    .returning({ updatedAt: n.updatedAt });
  if (!saved) throw new TandemError('conflict:note_stale');
  await queueAudit(tx, actor, { action: 'note.save', subjectType: 'session_notes', subjectId: note.id, subjectClientId: clientId });
  return saved.updatedAt;
}

function requireCurrent(note: { updatedAt: Date }, expectedUpdatedAt: string) {
  if (note.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()) throw new TandemError('conflict:note_stale');
}

/**
 * Autosaves the author's draft. A save made from an older copy than the stored one is refused
 * (conflict:note_stale) rather than overwriting newer words; a signed note is never changed.
 */
export async function saveNoteDraft({
  actor,
  clientId,
  input,
}: {
  actor: Actor;
  clientId: string;
  input: NoteDraftInput;
}): Promise<{ updatedAt: Date }> {
  const draft = parseOrThrow(noteDraftSchema.safeParse(input));
  return run(actor, clientId, 'note.save', async (tx) => {
    const note = await findOwnDraft(tx, actor, clientId, draft.noteId);
    const allowed = new Set(sectionKeysOf(note.template));
    if (Object.keys(draft.sections).some((key) => !allowed.has(key)))
      throw new TandemError('bad_request:input', 'These sections do not belong to this note’s template.');
    requireCurrent(note, draft.expectedUpdatedAt);
    const current = openBody(note.clinicId, note.id, note.bodyCiphertext);
    const updatedAt = await writeDraft(tx, actor, clientId, note, {
      sessionDate: draft.sessionDate,
      body: { sections: { ...current.sections, ...draft.sections }, brief: current.brief },
    });
    return { updatedAt };
  });
}

/** Embeds today's brief in the draft as structured data, and returns it as text to insert. */
export async function embedBriefInNote({
  actor,
  clientId,
  noteId,
  expectedUpdatedAt,
}: {
  actor: Actor;
  clientId: string;
  noteId: string;
  expectedUpdatedAt: string;
}): Promise<{ brief: Brief; text: string; updatedAt: Date }> {
  return run(actor, clientId, 'note.save', async (tx) => {
    const note = await findOwnDraft(tx, actor, clientId, noteId);
    requireCurrent(note, expectedUpdatedAt);
    const client = await clientAccessOf(tx, actor, clientId);
    if (!client) throw new TandemError('not_found:client');
    const brief = await briefFor(tx, actor, client);
    const current = openBody(note.clinicId, note.id, note.bodyCiphertext);
    const updatedAt = await writeDraft(tx, actor, clientId, note, { body: { sections: current.sections, brief } });
    return { brief, text: renderBriefText(brief), updatedAt };
  });
}

/** Signs the author's draft: from then on it is read-only (a database trigger holds this too). */
export async function signNote({ actor, clientId, noteId }: { actor: Actor; clientId: string; noteId: string }): Promise<void> {
  await run(actor, clientId, 'note.sign', async (tx) => {
    const note = await findOwnDraft(tx, actor, clientId, noteId);
    const body = openBody(note.clinicId, note.id, note.bodyCiphertext);
    if (Object.values(body.sections).every((text) => text.trim().length === 0)) {
      throw new TandemError('bad_request:input', 'Write at least one section before signing.');
    }
    const n = schema.sessionNotes;
    await tx
      .update(n)
      .set({ status: 'signed', signedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(n.id, noteId), eq(n.status, 'draft')));
    await queueAudit(tx, actor, { action: 'note.sign', subjectType: 'session_notes', subjectId: noteId, subjectClientId: clientId });
  });
}

/** Deletes the author's draft. A signed note is part of the record and is never deleted. */
export async function deleteDraft({ actor, clientId, noteId }: { actor: Actor; clientId: string; noteId: string }): Promise<void> {
  await run(actor, clientId, 'note.delete', async (tx) => {
    await findOwnDraft(tx, actor, clientId, noteId);
    await tx.delete(schema.sessionNotes).where(and(eq(schema.sessionNotes.id, noteId), eq(schema.sessionNotes.status, 'draft')));
    await queueAudit(tx, actor, { action: 'note.delete', subjectType: 'session_notes', subjectId: noteId, subjectClientId: clientId });
  });
}

/** Adds an addendum to a signed note, with its own time and author. Addenda are append-only. */
export async function addAddendum({
  actor,
  clientId,
  input,
}: {
  actor: Actor;
  clientId: string;
  input: AddendumInput;
}): Promise<{ addendumId: string }> {
  const { noteId, text } = parseOrThrow(addendumSchema.safeParse(input));
  return run(actor, clientId, 'note.addendum', async (tx) => {
    const note = await findNote(tx, clientId, noteId);
    if (!note) throw new TandemError('not_found:note');
    if (note.status !== 'signed') throw new TandemError('conflict:note_draft');
    const addendumId = randomUUID();
    await tx.insert(schema.sessionNoteAddenda).values({
      id: addendumId,
      clinicId: note.clinicId,
      noteId,
      authorId: actor.userId,
      bodyCiphertext: seal(text, addendumContext(note.clinicId, noteId, addendumId)),
    });
    await queueAudit(tx, actor, { action: 'note.addendum', subjectType: 'session_notes', subjectId: noteId, subjectClientId: clientId });
    return { addendumId };
  });
}

/**
 * Saves the reader's private psychotherapy note on a session: a separate record that only its
 * author can ever read (the database policy allows the author alone), kept apart from the note.
 */
export async function savePrivateNote({
  actor,
  clientId,
  input,
}: {
  actor: Actor;
  clientId: string;
  input: PrivateNoteInput;
}): Promise<{ updatedAt: Date }> {
  const { noteId, text } = parseOrThrow(privateNoteSchema.safeParse(input));
  return run(actor, clientId, 'private_note.save', async (tx) => {
    const note = await findNote(tx, clientId, noteId);
    if (!note) throw new TandemError('not_found:note');
    const p = schema.privateNotes;
    const [own] = await tx
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.sessionNoteId, noteId), eq(p.authorId, actor.userId)));
    const id = own?.id ?? randomUUID();
    const bodyCiphertext = seal(text, privateContext(actor.clinicId, actor.userId, id));
    const updatedAt = new Date();
    if (own) {
      await tx
        .update(p)
        .set({ bodyCiphertext, updatedAt })
        .where(and(eq(p.id, id), eq(p.authorId, actor.userId)));
    } else {
      await tx
        .insert(p)
        .values({ id, clinicId: actor.clinicId, clientId, authorId: actor.userId, sessionNoteId: noteId, bodyCiphertext, updatedAt });
    }
    await queueAudit(tx, actor, { action: 'private_note.save', subjectType: 'private_notes', subjectId: id, subjectClientId: clientId });
    return { updatedAt };
  });
}
