'use client';

import { useActionState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { confirmAssignmentAction } from '../actions';

export function ConfirmAssignmentForm({ clientIds, therapistId, count }: { clientIds: string[]; therapistId: string; count: number }) {
  const [state, action, isPending] = useActionState(confirmAssignmentAction, idleForm);
  return (
    <form action={action} className="flex flex-col items-start gap-3">
      {clientIds.map((id) => (
        <input key={id} type="hidden" name="client" value={id} />
      ))}
      <input type="hidden" name="therapist" value={therapistId} />
      <FormMessage state={state} />
      <button type="submit" disabled={isPending || count === 0} className={primaryButton}>
        {isPending ? 'Assigning…' : count === 1 ? 'Confirm: assign 1 client' : `Confirm: assign ${count} clients`}
      </button>
    </form>
  );
}
