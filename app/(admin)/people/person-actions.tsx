'use client';

import { useActionState } from 'react';
import { smallButton } from '@/components/ui/button-styles';
import { idleForm } from '@/lib/validation/form-state';
import { personAction } from './actions';

const labels = {
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  revoke: 'Withdraw invitation',
  reset_two_factor: 'Reset two-factor',
} as const;

export function PersonActions({ id, name, intent }: { id: string; name: string; intent: keyof typeof labels }) {
  const [state, action, isPending] = useActionState(personAction, idleForm);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" disabled={isPending} className={smallButton} aria-label={`${labels[intent]} ${name}`}>
        {isPending ? 'Saving…' : labels[intent]}
      </button>
      {state.message && (
        <p
          role={state.status === 'error' ? 'alert' : 'status'}
          className={state.status === 'error' ? 'text-sm text-red-700' : 'text-sm text-brand-800'}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
