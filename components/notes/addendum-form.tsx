'use client';

import { useActionState } from 'react';
import { addAddendumAction } from '@/app/(clinician)/clients/[clientId]/(record)/notes/actions';
import { FormMessage } from '@/components/ui/form-message';
import { primaryButton } from '@/components/ui/button-styles';
import { TextAreaField } from '@/components/ui/field';
import { idleForm } from '@/lib/validation/form-state';
import { ADDENDUM_MAX_CHARS } from '@/lib/validation/notes';

/** Adds an addendum to a signed note; it is stored with its own time and author and never edited. */
export function AddendumForm({ clientId, noteId }: { clientId: string; noteId: string }) {
  const [state, action, isPending] = useActionState(addAddendumAction.bind(null, clientId), idleForm);
  return (
    <form action={action} className="flex flex-col gap-3" key={state.status === 'success' ? state.message : 'addendum'}>
      <input type="hidden" name="noteId" value={noteId} />
      <TextAreaField
        name="text"
        label="Add an addendum"
        hint="Addenda are dated and signed with your name. They cannot be changed once added."
        rows={4}
        maxLength={ADDENDUM_MAX_CHARS}
        defaultValue={state.status === 'error' ? (state.values?.text ?? '') : ''}
        error={state.fieldErrors?.text}
      />
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Adding…' : 'Add addendum'}
        </button>
      </div>
    </form>
  );
}
