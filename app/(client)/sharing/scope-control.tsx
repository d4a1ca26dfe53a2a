'use client';

import { useActionState, useId } from 'react';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { idleForm } from '@/lib/validation/form-state';
import { shareScope, stopSharing } from './actions';

type Props = {
  therapistId: string;
  therapistName: string;
  scope: string;
  scopeLabel: string;
  isShared: boolean;
  status: string;
  today: string;
};

/** One scope for one therapist: its state in words and the one action that changes it. */
export function ScopeControl({ therapistId, therapistName, scope, scopeLabel, isShared, status, today }: Props) {
  const [shareState, share, isSharing] = useActionState(shareScope, idleForm);
  const [stopState, stop, isStopping] = useActionState(stopSharing, idleForm);
  const id = useId();
  const error = isShared ? stopState.message : shareState.message;
  const untilError = shareState.fieldErrors?.until;

  return (
    <div className="flex flex-col gap-2 sm:w-72 sm:shrink-0">
      <p id={`${id}-status`} className={isShared ? 'font-medium text-brand-800' : 'text-stone-700'}>
        {status}
      </p>
      {isShared ? (
        <form action={stop}>
          <input type="hidden" name="therapistId" value={therapistId} />
          <input type="hidden" name="scope" value={scope} />
          <button
            type="submit"
            disabled={isStopping}
            aria-describedby={`${id}-status`}
            className={`${secondaryButton} min-h-11 w-full sm:w-auto`}
          >
            {isStopping ? 'Stopping…' : `Stop sharing ${scopeLabel.toLowerCase()}`}
            <span className="sr-only"> with {therapistName}</span>
          </button>
        </form>
      ) : (
        <form action={share} className="flex flex-col gap-2">
          <input type="hidden" name="therapistId" value={therapistId} />
          <input type="hidden" name="scope" value={scope} />
          <TextField
            name="until"
            id={`${id}-until`}
            label="Until (optional)"
            type="date"
            min={today}
            defaultValue={shareState.values?.until}
            error={untilError}
          />
          <button type="submit" disabled={isSharing} className={`${primaryButton} min-h-11`}>
            {isSharing ? 'Sharing…' : `Share ${scopeLabel.toLowerCase()}`}
            <span className="sr-only"> with {therapistName}</span>
          </button>
        </form>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      {(isShared ? shareState : stopState).status === 'success' && (
        <p role="status" className="sr-only">
          {isShared ? `${scopeLabel} now shared with ${therapistName}.` : `${scopeLabel} no longer shared with ${therapistName}.`}
        </p>
      )}
    </div>
  );
}
