'use client';

import { useActionState } from 'react';
import { savePrivateNoteAction } from '@/app/(clinician)/clients/[clientId]/(record)/notes/actions';
import { FormMessage } from '@/components/ui/form-message';
import { secondaryButton } from '@/components/ui/button-styles';
import { TextAreaField } from '@/components/ui/field';
import { idleForm } from '@/lib/validation/form-state';
import { PRIVATE_NOTE_MAX_CHARS } from '@/lib/validation/notes';

/** The author's private psychotherapy note on this session: a separate record, never part of the note. */
export function PrivateNoteForm({ clientId, noteId, text }: { clientId: string; noteId: string; text: string }) {
  const [state, action, isPending] = useActionState(savePrivateNoteAction.bind(null, clientId), idleForm);
  return (
    <section aria-labelledby="private-note-heading" className="rounded-lg border-2 border-dashed border-violet-300 bg-violet-50 p-4">
      <h2 id="private-note-heading" className="text-lg font-medium">
        Private: only you can see this
      </h2>
      <form action={action} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="noteId" value={noteId} />
        <TextAreaField
          name="privateText"
          label="Private psychotherapy note"
          hint="Kept apart from the session note. Colleagues, a therapist the client moves to, the clinic admin and the client never see it."
          rows={4}
          maxLength={PRIVATE_NOTE_MAX_CHARS}
          defaultValue={state.values?.privateText ?? text}
          error={state.fieldErrors?.text}
        />
        <FormMessage state={state} />
        <div>
          <button type="submit" disabled={isPending} className={secondaryButton}>
            {isPending ? 'Saving…' : 'Save private note'}
          </button>
        </div>
      </form>
    </section>
  );
}
