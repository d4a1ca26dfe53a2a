'use client';

import { useActionState } from 'react';
import { secondaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { savePhone } from './actions';

/** The client's phone number: how their therapist reaches them when an alert needs it. */
export function PhoneForm({ current }: { current: string | null }) {
  const [state, action, isPending] = useActionState(savePhone, idleForm);
  return (
    <form action={action} className="flex flex-col gap-3">
      <TextField
        name="phone"
        label="Phone number (optional)"
        type="tel"
        autoComplete="tel"
        maxLength={30}
        defaultValue={state.values?.phone ?? current ?? ''}
        error={state.fieldErrors?.phone}
        hint="Only your therapist sees it, to reach you if something you log worries them. Leave it empty to remove it."
      />
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={secondaryButton}>
          {isPending ? 'Saving…' : 'Save phone number'}
        </button>
      </div>
    </form>
  );
}
