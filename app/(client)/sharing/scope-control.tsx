'use client';

import { useActionState, useId } from 'react';
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
            className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60 sm:w-auto"
          >
            {isStopping ? 'Stopping…' : `Stop sharing ${scopeLabel.toLowerCase()}`}
            <span className="sr-only"> with {therapistName}</span>
          </button>
        </form>
      ) : (
        <form action={share} className="flex flex-col gap-2">
          <input type="hidden" name="therapistId" value={therapistId} />
          <input type="hidden" name="scope" value={scope} />
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-until`} className="text-sm text-stone-700">
              Until (optional)
            </label>
            <input
              id={`${id}-until`}
              name="until"
              type="date"
              min={today}
              defaultValue={shareState.values?.until}
              aria-invalid={Boolean(untilError)}
              aria-describedby={untilError ? `${id}-error` : undefined}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2"
            />
          </div>
          <button
            type="submit"
            disabled={isSharing}
            className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
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
