'use client';

import { useActionState } from 'react';
import { dangerButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { deleteAccount } from './actions';

export function DeleteAccountForm() {
  const [state, action, isPending] = useActionState(deleteAccount, idleForm);
  const confirmError = state.fieldErrors?.confirm;
  return (
    <form action={action} className="flex flex-col gap-3">
      <div className="flex items-start gap-3">
        <input
          id="delete-confirm"
          name="confirm"
          type="checkbox"
          aria-invalid={Boolean(confirmError)}
          aria-describedby={confirmError ? 'delete-confirm-error' : undefined}
          className="mt-1 size-5 shrink-0 accent-red-700"
        />
        <label htmlFor="delete-confirm">I understand that my check-ins, questionnaires and journal will be deleted for good.</label>
      </div>
      {confirmError && (
        <p id="delete-confirm-error" className="text-sm text-red-700">
          {confirmError}
        </p>
      )}
      <div className="sm:max-w-xs">
        <TextField
          name="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          error={state.fieldErrors?.password}
        />
      </div>
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={dangerButton}>
          {isPending ? 'Deleting…' : 'Delete my account'}
        </button>
      </div>
    </form>
  );
}
