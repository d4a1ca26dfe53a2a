'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { formAction } from '@/lib/actions/pipeline';
import { requireRole } from '@/lib/auth/session';
import { addAddendum, createNote, deleteDraft, embedBriefInNote, saveNoteDraft, savePrivateNote, signNote } from '@/lib/dal/notes';
import { toPublicError } from '@/lib/errors';
import { addendumSchema, newNoteSchema, privateNoteSchema, type NoteDraftInput } from '@/lib/validation/notes';
import { type FormState, textOf } from '@/lib/validation/form-state';

const notesPath = (clientId: string) => `/clients/${clientId}/notes`;

export async function startNote(clientId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  return formAction(form, {
    caller: 'therapist',
    schema: newNoteSchema,
    invalid: 'Please check the answers marked below.',
    run: async (input, { actor }) => {
      const { noteId } = await createNote({ actor, clientId, input });
      redirect(`${notesPath(clientId)}/${noteId}`);
    },
  });
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
  return formAction(form, {
    caller: 'therapist',
    schema: confirmSchema,
    invalid: 'Please confirm before signing.',
    run: async (_confirmed, { actor }) => {
      await signNote({ actor, clientId, noteId });
      revalidatePath(notesPath(clientId), 'layout');
      return { status: 'success', message: 'Signed. The note is now read-only; add an addendum for anything later.' };
    },
  });
}

export async function deleteDraftAction(clientId: string, noteId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  noteId = textOf(noteId);
  return formAction(form, {
    caller: 'therapist',
    schema: confirmSchema,
    invalid: 'Please confirm before deleting.',
    run: async (_confirmed, { actor }) => {
      await deleteDraft({ actor, clientId, noteId });
      revalidatePath(notesPath(clientId));
      redirect(notesPath(clientId));
    },
  });
}

export async function addAddendumAction(clientId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  return formAction(form, {
    caller: 'therapist',
    schema: addendumSchema,
    invalid: 'Please check the addendum.',
    run: async (input, { actor }) => {
      await addAddendum({ actor, clientId, input });
      revalidatePath(`${notesPath(clientId)}/${input.noteId}`);
      return { status: 'success', message: 'Addendum added.' };
    },
  });
}

export async function savePrivateNoteAction(clientId: string, _prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  return formAction(form, {
    caller: 'therapist',
    schema: privateNoteSchema,
    // The field is named apart from the addendum's `text`, which shares the page.
    read: (sent) => ({ noteId: sent.get('noteId'), text: sent.get('privateText') ?? '' }),
    invalid: 'Please check the private note.',
    run: async (input, { actor, values }) => {
      await savePrivateNote({ actor, clientId, input });
      return { status: 'success', message: 'Private note saved.', values };
    },
  });
}
