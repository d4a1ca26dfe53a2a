'use client';

import { useActionState } from 'react';
import { secondaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { SignInSettingsInput } from '@/lib/validation/admin';
import { idleForm } from '@/lib/validation/form-state';
import { saveSignInSettingsAction } from './actions';

export function SignInSettingsForm({ settings }: { settings: SignInSettingsInput }) {
  const [state, action, isPending] = useActionState(saveSignInSettingsAction, idleForm);
  const errors = state.fieldErrors ?? {};
  const isRequired = state.values ? state.values.requireTwoFactor === 'on' : settings.requireTwoFactor;
  return (
    <form
      action={action}
      aria-labelledby="sign-in-heading"
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4"
      noValidate
    >
      <h2 id="sign-in-heading" className="font-semibold">
        Staff sign-in
      </h2>
      <FormMessage state={state} />
      <div className="flex items-start gap-2">
        <input
          id="requireTwoFactor"
          name="requireTwoFactor"
          type="checkbox"
          defaultChecked={isRequired}
          className="mt-1 size-4"
          aria-describedby="requireTwoFactor-hint"
        />
        <div>
          <label htmlFor="requireTwoFactor" className="font-medium">
            Require two-factor sign-in for staff
          </label>
          <p id="requireTwoFactor-hint" className="text-sm text-stone-600">
            Therapists and admins then sign in with a code from their phone as well as their password; anyone who has not set it up is asked
            to at their next sign-in. Clients may choose it for themselves.
          </p>
        </div>
      </div>
      <TextField
        name="staffIdleMinutes"
        label="Sign staff out after this many minutes without activity"
        hint="A warning shows two minutes before. Between 5 and 240; 30 is usual."
        type="number"
        inputMode="numeric"
        min={5}
        max={240}
        required
        defaultValue={state.values?.staffIdleMinutes ?? String(settings.staffIdleMinutes)}
        error={errors.staffIdleMinutes}
      />
      <button type="submit" disabled={isPending} className={`${secondaryButton} self-start`}>
        {isPending ? 'Saving…' : 'Save sign-in settings'}
      </button>
    </form>
  );
}
