'use client';

import { useActionState, useState } from 'react';
import { deleteDraftAction, signNoteAction } from '@/app/(clinician)/clients/[clientId]/(record)/notes/actions';
import { FormMessage } from '@/components/ui/form-message';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { idleForm } from '@/lib/validation/form-state';
import { NoteEditor } from './note-editor';

type Props = Parameters<typeof NoteEditor>[0];

/** A draft being written: the editor, then signing (once everything is saved) or deleting it. */
export function DraftNote(props: Omit<Props, 'onSaved'>) {
  const [isSaved, setIsSaved] = useState(true);
  return (
    <div className="flex flex-col gap-6">
      <NoteEditor {...props} onSaved={setIsSaved} />
      <div className="flex flex-col gap-4 border-t border-stone-200 pt-4 lg:flex-row lg:items-start lg:justify-between">
        <ConfirmStep
          action={signNoteAction.bind(null, props.clientId, props.noteId)}
          open="Sign note…"
          confirmLabel="I have checked this note. Once signed it cannot be changed; later changes are addenda."
          submit="Sign note"
          isPrimary
          disabledReason={isSaved ? null : 'Wait until the note is saved to sign it.'}
        />
        <ConfirmStep
          action={deleteDraftAction.bind(null, props.clientId, props.noteId)}
          open="Delete draft…"
          confirmLabel="Delete this draft for good."
          submit="Delete draft"
          disabledReason={null}
        />
      </div>
    </div>
  );
}

function ConfirmStep({
  action,
  open,
  confirmLabel,
  submit,
  isPrimary = false,
  disabledReason,
}: {
  action: Parameters<typeof useActionState<typeof idleForm, FormData>>[0];
  open: string;
  confirmLabel: string;
  submit: string;
  isPrimary?: boolean;
  disabledReason: string | null;
}) {
  const [state, formAction, isPending] = useActionState(action, idleForm);
  const [isOpen, setIsOpen] = useState(false);
  const id = submit.toLowerCase().replace(/\s+/g, '-');
  const error = state.fieldErrors?.confirm;
  if (!isOpen) {
    return (
      <div className="flex flex-col gap-1">
        <button
          type="button"
          onClick={() => setIsOpen(true)}
          disabled={disabledReason !== null}
          aria-describedby={disabledReason ? `${id}-reason` : undefined}
          className={isPrimary ? primaryButton : secondaryButton}
        >
          {open}
        </button>
        {disabledReason && (
          <p id={`${id}-reason`} className="text-sm text-stone-600">
            {disabledReason}
          </p>
        )}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-3 rounded-lg border border-stone-300 bg-stone-50 p-4">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          className="mt-1 size-4"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span>{confirmLabel}</span>
      </label>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <FormMessage state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={isPending || disabledReason !== null} className={isPrimary ? primaryButton : secondaryButton}>
          {isPending ? 'Working…' : submit}
        </button>
        <button type="button" onClick={() => setIsOpen(false)} className={secondaryButton}>
          Cancel
        </button>
      </div>
    </form>
  );
}
