'use client';

import { useActionState } from 'react';
import { smallButton } from '@/components/ui/button-styles';
import { idleForm } from '@/lib/validation/form-state';
import { capacityAction } from './actions';

export function CapacityForm({
  therapistId,
  therapistName,
  capacity,
}: {
  therapistId: string;
  therapistName: string;
  capacity: number | null;
}) {
  const [state, action, isPending] = useActionState(capacityAction, idleForm);
  const inputId = `capacity-${therapistId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="therapistId" value={therapistId} />
      <label htmlFor={inputId} className="sr-only">
        Capacity for {therapistName}
      </label>
      <input
        id={inputId}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={0}
        max={500}
        defaultValue={state.values?.capacity ?? capacity ?? ''}
        placeholder="No limit"
        aria-invalid={state.status === 'error'}
        aria-describedby={state.message ? `${inputId}-message` : undefined}
        className="w-24 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
      />
      <button type="submit" disabled={isPending} className={smallButton}>
        {isPending ? 'Saving…' : 'Save'}
      </button>
      {state.message && (
        <span
          id={`${inputId}-message`}
          role={state.status === 'error' ? 'alert' : 'status'}
          className={state.status === 'error' ? 'text-sm text-red-700' : 'text-sm text-brand-800'}
        >
          {state.message}
        </span>
      )}
    </form>
  );
}
