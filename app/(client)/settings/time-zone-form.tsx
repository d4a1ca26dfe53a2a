'use client';

import { useActionState } from 'react';
import { idleForm } from '@/lib/validation/form-state';
import { saveTimeZone } from './actions';

export function TimeZoneForm({ timeZones, current }: { timeZones: string[]; current: string }) {
  const [state, action, isPending] = useActionState(saveTimeZone, idleForm);
  return (
    <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="settings-time-zone" className="font-medium">
          Time zone
        </label>
        <select
          id="settings-time-zone"
          name="timeZone"
          defaultValue={current}
          aria-invalid={state.status === 'error'}
          aria-describedby={state.status === 'error' ? 'time-zone-error' : undefined}
          className="min-h-11 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {isPending ? 'Saving…' : 'Save time zone'}
      </button>
      {state.status === 'error' && (
        <p id="time-zone-error" role="alert" className="text-sm font-medium text-red-800 sm:self-center">
          {state.message}
        </p>
      )}
      {state.status === 'success' && (
        <p role="status" className="text-sm text-stone-700 sm:self-center">
          {state.message}
        </p>
      )}
    </form>
  );
}
