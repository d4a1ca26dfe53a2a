'use client';

import { useActionState } from 'react';
import { startNote } from '@/app/(clinician)/clients/[clientId]/(record)/notes/actions';
import { FormMessage } from '@/components/ui/form-message';
import { primaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { idleForm } from '@/lib/validation/form-state';
import { noteTemplates, templateLabels } from '@/lib/validation/notes';

/** Starts a draft: the template (SOAP or DAP) and the session date. */
export function NewNoteForm({ clientId, today }: { clientId: string; today: string }) {
  const [state, action, isPending] = useActionState(startNote.bind(null, clientId), idleForm);
  const templateError = state.fieldErrors?.template;
  const chosen = state.values?.template ?? 'soap';
  return (
    <form action={action} className="flex flex-col gap-5 rounded-lg border border-stone-200 bg-white p-4">
      <fieldset aria-describedby={templateError ? 'template-error' : undefined}>
        <legend className="text-sm font-medium">Template</legend>
        <div className="mt-2 flex flex-col gap-1">
          {noteTemplates.map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name="template" value={value} defaultChecked={chosen === value} className="size-4" />
              {templateLabels[value]}
            </label>
          ))}
        </div>
        {templateError && (
          <p id="template-error" className="text-sm text-red-700">
            {templateError}
          </p>
        )}
      </fieldset>
      <div className="sm:max-w-xs">
        <TextField
          name="sessionDate"
          label="Session date"
          type="date"
          required
          defaultValue={state.values?.sessionDate ?? today}
          error={state.fieldErrors?.sessionDate}
        />
      </div>
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Starting…' : 'Start the note'}
        </button>
      </div>
    </form>
  );
}
