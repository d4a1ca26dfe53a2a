'use client';

import { useActionState } from 'react';
import { idleForm } from '@/lib/validation/form-state';
import { deleteAccount } from './actions';

export function DeleteAccountForm() {
  const [state, action, isPending] = useActionState(deleteAccount, idleForm);
  const confirmError = state.fieldErrors?.confirm;
  const passwordError = state.fieldErrors?.password;
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
        <p id="delete-confirm-error" className="text-sm font-medium text-red-800">
          {confirmError}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="delete-password" className="font-medium">
          Your password
        </label>
        <input
          id="delete-password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(passwordError)}
          aria-describedby={passwordError ? 'delete-password-error' : undefined}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 sm:max-w-xs"
        />
        {passwordError && (
          <p id="delete-password-error" className="text-sm font-medium text-red-800">
            {passwordError}
          </p>
        )}
      </div>
      {state.message && (
        <p role="alert" className="font-medium text-red-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending}
        className="min-h-11 self-start rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {isPending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
