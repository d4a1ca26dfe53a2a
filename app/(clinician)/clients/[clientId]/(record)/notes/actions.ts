'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { callAction, formAction, type PublicError } from '@/lib/actions/pipeline';
import { addAddendum, createNote, deleteDraft, embedBriefInNote, saveNoteDraft, savePrivateNote, signNote } from '@/lib/dal/notes';
import { addendumSchema, newNoteSchema, noteDraftSchema, privateNoteSchema, type NoteDraftInput } from '@/lib/validation/notes';
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

function failure({ code, message }: PublicError): { ok: false; message: string; isStale: boolean; isSigned: boolean } {
  return { ok: false, message, isStale: code === 'conflict:note_stale', isSigned: code === 'conflict:note_signed' };
}

export async function autosaveNote(clientId: string, input: NoteDraftInput): Promise<AutosaveResult> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  return callAction(input, {
    caller: 'therapist',
    schema: noteDraftSchema,
    failed: failure,
    run: async (draft, { actor }): Promise<AutosaveResult> => {
      const { updatedAt } = await saveNoteDraft({ actor, clientId, input: draft });
      return { ok: true, updatedAt: updatedAt.toISOString() };
    },
  });
}

export type EmbedBriefResult =
  { ok: true; text: string; updatedAt: string } | { ok: false; message: string; isStale: boolean; isSigned: boolean };

// The note and the save the editor last saw; the note layer checks both against the stored note.
const embedBriefSchema = z.object({ noteId: z.string(), expectedUpdatedAt: z.string() });

export async function insertBrief(clientId: string, noteId: string, expectedUpdatedAt: string): Promise<EmbedBriefResult> {
  // Arguments come from the request as sent: anything else reads as empty.
  clientId = textOf(clientId);
  return callAction(
    { noteId: textOf(noteId), expectedUpdatedAt: textOf(expectedUpdatedAt) },
    {
      caller: 'therapist',
      schema: embedBriefSchema,
      failed: failure,
      run: async (input, { actor }): Promise<EmbedBriefResult> => {
        const { text, updatedAt } = await embedBriefInNote({ actor, clientId, ...input });
        revalidatePath(`${notesPath(clientId)}/${input.noteId}`);
        return { ok: true, text, updatedAt: updatedAt.toISOString() };
      },
    },
  );
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
