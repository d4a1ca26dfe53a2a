'use client';

import { useActionState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { startPause } from './actions';

export function PauseForm({ today }: { today: string }) {
  const [state, action, isPending] = useActionState(startPause, idleForm);
  return (
    <form action={action} className="flex flex-col gap-3 sm:max-w-xs">
      <TextField
        name="until"
        label="I'm away until"
        type="date"
        min={today}
        required
        defaultValue={state.values?.until}
        error={state.fieldErrors?.until}
      />
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Saving…' : 'Take a break'}
        </button>
      </div>
    </form>
  );
}
