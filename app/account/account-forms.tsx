'use client';

import { useActionState } from 'react';
import { secondaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { changePasswordAction, disableTwoFactorAction } from './actions';

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [state, action, isPending] = useActionState(changePasswordAction, idleForm);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-3 flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minLength} characters, not a common password. A few unrelated words work well.`}
        required
        error={errors.newPassword}
      />
      <TextField
        name="confirmPassword"
        label="Type the new password again"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <button type="submit" disabled={isPending} className={`${secondaryButton} self-start`}>
        {isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const [state, action, isPending] = useActionState(disableTwoFactorAction, idleForm);
  const errors = state.fieldErrors ?? {};
  if (state.status === 'success') return <FormMessage state={state} />;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-medium text-brand-700">Turn two-factor sign-in off</summary>
      <form action={action} className="mt-3 flex flex-col gap-3" noValidate>
        <p className="text-sm text-stone-700">To be sure it is you, enter your password and a code from your app (or a backup code).</p>
        <FormMessage state={state} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
        <TextField name="code" label="Code" autoComplete="one-time-code" maxLength={20} required error={errors.code} />
        <button type="submit" disabled={isPending} className={`${secondaryButton} self-start`}>
          {isPending ? 'Checking…' : 'Turn off'}
        </button>
      </form>
    </details>
  );
}
