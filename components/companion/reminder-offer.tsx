'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm, type FormState } from '@/lib/validation/form-state';

type Props = {
  conversationId: string;
  activity: string;
  defaultDay: 'today' | 'tomorrow';
  defaultTime: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
};

const input = 'min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2';

/** "Remind me later today / tomorrow at HH:MM?": the companion's offer, set only if the client presses the button. */
export function ReminderOffer({ conversationId, activity, defaultDay, defaultTime, action }: Props) {
  const [state, send, isPending] = useActionState<FormState, FormData>(action, idleForm);
  const errors = state.fieldErrors ?? {};
  const day = state.values?.day ?? defaultDay;
  return (
    <section aria-labelledby="reminder-offer-heading" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h3 id="reminder-offer-heading" className="break-words font-semibold">
        A reminder for “{activity}”?
      </h3>
      <p className="text-sm text-stone-700">
        Only if it would help. It comes once, the way your other reminders come, and says only “a small thing you planned with Tandem’s
        companion”, not what it is.
      </p>
      <form action={send} className="flex flex-col gap-3">
        <input type="hidden" name="conversationId" value={conversationId} />
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.day ? 'reminder-day-error' : undefined}>
          <legend className="font-medium">Remind me</legend>
          <div className="flex flex-wrap gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="day" value="today" defaultChecked={day === 'today'} className="size-5" />
              Later today
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="day" value="tomorrow" defaultChecked={day === 'tomorrow'} className="size-5" />
              Tomorrow
            </label>
          </div>
          {errors.day && (
            <p id="reminder-day-error" className="text-sm font-medium text-red-800">
              {errors.day}
            </p>
          )}
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor="reminder-time" className="font-medium">
            At
          </label>
          <input
            id="reminder-time"
            name="time"
            type="time"
            required
            defaultValue={state.values?.time ?? defaultTime}
            aria-invalid={Boolean(errors.time)}
            aria-describedby={errors.time ? 'reminder-time-error' : undefined}
            className={`${input} self-start`}
          />
          {errors.time && (
            <p id="reminder-time-error" className="text-sm font-medium text-red-800">
              {errors.time}
            </p>
          )}
        </div>
        <FormMessage state={state} />
        <button
          type="submit"
          disabled={isPending}
          className="min-h-11 self-start rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {isPending ? 'Setting…' : 'Remind me'}
        </button>
      </form>
    </section>
  );
}
