'use client';

import { useActionState } from 'react';
import { AcknowledgementFields } from '@/components/alerts/acknowledgement-fields';
import { FormMessage } from '@/components/ui/form-message';
import { primaryButton } from '@/components/ui/button-styles';
import { idleForm } from '@/lib/validation/form-state';
import { acknowledge } from './actions';

/** One open alert's acknowledgement: what the therapist did, and a note when it was something else. */
export function AcknowledgeForm({ alertId, clientName }: { alertId: string; clientName: string }) {
  const [state, action, isPending] = useActionState(acknowledge, idleForm);
  return (
    <form action={action} className="mt-3 flex flex-col gap-3">
      <input type="hidden" name="alertId" value={alertId} />
      <AcknowledgementFields
        idSuffix={alertId}
        legend={`What did you do about ${clientName}’s alert?`}
        names={{ action: 'action', note: 'note' }}
        values={state.values}
        errors={state.fieldErrors ?? {}}
      />
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Saving…' : 'Acknowledge'}
        </button>
      </div>
    </form>
  );
}
