'use client';

import { useActionState } from 'react';
import { idleForm } from '@/lib/validation/form-state';
import { startPause } from './actions';

export function PauseForm({ today }: { today: string }) {
  const [state, action, isPending] = useActionState(startPause, idleForm);
  return (
    <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex flex-col gap-1">
        <label htmlFor="pause-until" className="font-medium">
          I&apos;m away until
        </label>
        <input
          id="pause-until"
          name="until"
          type="date"
          min={today}
          required
          defaultValue={state.values?.until}
          aria-invalid={Boolean(state.message)}
          aria-describedby={state.message ? 'pause-error' : undefined}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {isPending ? 'Saving…' : 'Take a break'}
      </button>
      {state.message && (
        <p id="pause-error" role="alert" className="text-sm font-medium text-red-800 sm:self-center">
          {state.message}
        </p>
      )}
    </form>
  );
}
