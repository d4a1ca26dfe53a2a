'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { primaryButton } from '@/components/ui/button-styles';
import { acknowledgementActions, acknowledgementLabels } from '@/lib/validation/alerts';
import { idleForm } from '@/lib/validation/form-state';
import { acknowledge } from './actions';

/** One open alert's acknowledgement: what the therapist did, and a note when it was something else. */
export function AcknowledgeForm({ alertId, clientName }: { alertId: string; clientName: string }) {
  const [state, action, isPending] = useActionState(acknowledge, idleForm);
  const id = (name: string) => `${name}-${alertId}`;
  const actionError = state.fieldErrors?.action;
  const noteError = state.fieldErrors?.note;
  return (
    <form action={action} className="mt-3 flex flex-col gap-3">
      <input type="hidden" name="alertId" value={alertId} />
      <fieldset aria-describedby={actionError ? id('action-error') : undefined}>
        <legend className="text-sm font-medium">What did you do about {clientName}&rsquo;s alert?</legend>
        <div className="mt-2 flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-4">
          {acknowledgementActions.map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="action" value={value} defaultChecked={state.values?.action === value} className="size-4" />
              {acknowledgementLabels[value]}
            </label>
          ))}
        </div>
        {actionError && (
          <p id={id('action-error')} className="text-sm text-red-700">
            {actionError}
          </p>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={id('note')} className="text-sm font-medium">
          Note (needed for &ldquo;Something else&rdquo;)
        </label>
        <textarea
          id={id('note')}
          name="note"
          rows={2}
          maxLength={2000}
          defaultValue={state.values?.note ?? ''}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? id('note-error') : undefined}
          className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600"
        />
        {noteError && (
          <p id={id('note-error')} className="text-sm text-red-700">
            {noteError}
          </p>
        )}
      </div>
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Saving…' : 'Acknowledge'}
        </button>
      </div>
    </form>
  );
}
