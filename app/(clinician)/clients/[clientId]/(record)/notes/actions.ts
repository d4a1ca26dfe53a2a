'use server';

import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { requireRole } from '@/lib/auth/session';
import { addAddendum, createNote, deleteDraft, embedBriefInNote, saveNoteDraft, savePrivateNote, signNote } from '@/lib/dal/notes';
import { toPublicError } from '@/lib/errors';
import { addendumSchema, newNoteSchema, privateNoteSchema, type NoteDraftInput } from '@/lib/validation/notes';
import { formOf, type FormState, textOf, typedValues } from '@/lib/validation/form-state';

const notesPath = (clientId: string) => `/clients/${clientId}/notes`;

export async function startNote(clientId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  form = formOf(form);
  const user = await requireRole('therapist');
  const values = typedValues(form);
  const parsed = newNoteSchema.safeParse(values);
  if (!parsed.success)
    return { status: 'error', message: 'Please check the answers marked below.', fieldErrors: fieldErrorsOf(parsed.error), values };
  let noteId: string;
  try {
    ({ noteId } = await createNote({ actor: user, clientId, input: parsed.data }));
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  redirect(`${notesPath(clientId)}/${noteId}`);
}

export type AutosaveResult = { ok: true; updatedAt: string } | { ok: false; message: string; isStale: boolean; isSigned: boolean };

function failure(error: unknown): { ok: false; message: string; isStale: boolean; isSigned: boolean } {
  const { code, message } = toPublicError(error);
  return { ok: false, message, isStale: code === 'conflict:note_stale', isSigned: code === 'conflict:note_signed' };
}

export async function autosaveNote(clientId: string, input: NoteDraftInput): Promise<AutosaveResult> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  const user = await requireRole('therapist');
  try {
    const { updatedAt } = await saveNoteDraft({ actor: user, clientId, input });
    return { ok: true, updatedAt: updatedAt.toISOString() };
  } catch (error) {
    return failure(error);
  }
}

export type EmbedBriefResult =
  { ok: true; text: string; updatedAt: string } | { ok: false; message: string; isStale: boolean; isSigned: boolean };

export async function insertBrief(clientId: string, noteId: string, expectedUpdatedAt: string): Promise<EmbedBriefResult> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  noteId = textOf(noteId);
  expectedUpdatedAt = textOf(expectedUpdatedAt);
  const user = await requireRole('therapist');
  try {
    const { text, updatedAt } = await embedBriefInNote({ actor: user, clientId, noteId, expectedUpdatedAt });
    revalidatePath(`${notesPath(clientId)}/${noteId}`);
    return { ok: true, text, updatedAt: updatedAt.toISOString() };
  } catch (error) {
    return failure(error);
  }
}

const confirmSchema = z.object({ confirm: z.literal('yes', 'Tick the box to confirm.') });

export async function signNoteAction(clientId: string, noteId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  noteId = textOf(noteId);
  form = formOf(form);
  const user = await requireRole('therapist');
  const parsed = confirmSchema.safeParse(typedValues(form));
  if (!parsed.success) return { status: 'error', message: 'Please confirm before signing.', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await signNote({ actor: user, clientId, noteId });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
  revalidatePath(notesPath(clientId), 'layout');
  return { status: 'success', message: 'Signed. The note is now read-only; add an addendum for anything later.' };
}

export async function deleteDraftAction(clientId: string, noteId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  noteId = textOf(noteId);
  form = formOf(form);
  const user = await requireRole('therapist');
  const parsed = confirmSchema.safeParse(typedValues(form));
  if (!parsed.success) return { status: 'error', message: 'Please confirm before deleting.', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await deleteDraft({ actor: user, clientId, noteId });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
  revalidatePath(notesPath(clientId));
  redirect(notesPath(clientId));
}

export async function addAddendumAction(clientId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  form = formOf(form);
  const user = await requireRole('therapist');
  const values = typedValues(form);
  const parsed = addendumSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Please check the addendum.', fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await addAddendum({ actor: user, clientId, input: parsed.data });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  revalidatePath(`${notesPath(clientId)}/${parsed.data.noteId}`);
  return { status: 'success', message: 'Addendum added.' };
}

export async function savePrivateNoteAction(clientId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  form = formOf(form);
  const user = await requireRole('therapist');
  const values = typedValues(form);
  // The field is named apart from the addendum's `text`, which shares the page.
  const parsed = privateNoteSchema.safeParse({ noteId: values.noteId, text: values.privateText ?? '' });
  if (!parsed.success)
    return { status: 'error', message: 'Please check the private note.', fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await savePrivateNote({ actor: user, clientId, input: parsed.data });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  return { status: 'success', message: 'Private note saved.', values };
}
