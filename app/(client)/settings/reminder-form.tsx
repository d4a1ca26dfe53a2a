'use client';

import { useActionState } from 'react';
import { idleForm, type FormState } from '@/lib/validation/form-state';
import type { ReminderSettingsDto } from '@/lib/dal/outreach';
import { saveReminders } from './reminder-actions';

const DAYS = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [7, 'Sun', 'Sunday'],
] as const;

const input = 'min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2';

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

export function ReminderForm({ settings }: { settings: ReminderSettingsDto }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(saveReminders, idleForm);
  const errors = state.fieldErrors ?? {};
  const v = state.values;
  const value = (key: string, fallback: string) => v?.[key] ?? fallback;
  const checked = (key: string, fallback: boolean) => (v ? v[key] === 'on' : fallback);
  const dayChecked = (day: number) => settings.weekdays.includes(day);
  const describedBy = (key: string) => (errors[key] ? `reminder-${key}-error` : undefined);

  return (
    <form action={action} className="flex flex-col gap-4" aria-describedby={state.message ? 'reminder-form-message' : undefined}>
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="checkinEnabled"
          defaultChecked={checked('checkinEnabled', settings.checkinEnabled)}
          className="size-5"
        />
        <span className="font-medium">Remind me to check in each day</span>
      </label>

      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="reminder-firstTime" className="font-medium">
            At
          </label>
          <input
            id="reminder-firstTime"
            name="firstTime"
            type="time"
            required
            defaultValue={value('firstTime', settings.times[0] ?? '20:00')}
            aria-invalid={Boolean(errors.firstTime)}
            aria-describedby={describedBy('firstTime')}
            className={input}
          />
          <FieldError id="reminder-firstTime-error" message={errors.firstTime} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="reminder-secondTime" className="font-medium">
            And also at <span className="font-normal text-stone-600">(optional)</span>
          </label>
          <input
            id="reminder-secondTime"
            name="secondTime"
            type="time"
            defaultValue={value('secondTime', settings.times[1] ?? '')}
            aria-invalid={Boolean(errors.secondTime)}
            aria-describedby={describedBy('secondTime')}
            className={input}
          />
          <FieldError id="reminder-secondTime-error" message={errors.secondTime} />
        </div>
      </div>

      <fieldset className="flex flex-col gap-2" aria-describedby={describedBy('weekdays')}>
        <legend className="font-medium">On these days</legend>
        <div className="flex flex-wrap gap-2">
          {DAYS.map(([day, short, long]) => (
            <label key={day} className="flex min-h-11 items-center gap-2 rounded-md border border-stone-300 px-3">
              <input type="checkbox" name="weekdays" value={day} defaultChecked={dayChecked(day)} className="size-4" />
              <span aria-hidden="true">{short}</span>
              <span className="sr-only">{long}</span>
            </label>
          ))}
        </div>
        <FieldError id="reminder-weekdays-error" message={errors.weekdays} />
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">Quiet hours</legend>
        <p className="text-sm text-stone-700">Tandem sends nothing between these times. Leave both empty for none.</p>
        <div className="flex flex-wrap gap-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="reminder-quietStart">From</label>
            <input
              id="reminder-quietStart"
              name="quietStart"
              type="time"
              defaultValue={value('quietStart', settings.quiet?.start ?? '')}
              aria-invalid={Boolean(errors.quietStart)}
              aria-describedby={describedBy('quietStart')}
              className={input}
            />
            <FieldError id="reminder-quietStart-error" message={errors.quietStart} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="reminder-quietEnd">Until</label>
            <input
              id="reminder-quietEnd"
              name="quietEnd"
              type="time"
              defaultValue={value('quietEnd', settings.quiet?.end ?? '')}
              aria-invalid={Boolean(errors.quietEnd)}
              aria-describedby={describedBy('quietEnd')}
              className={input}
            />
            <FieldError id="reminder-quietEnd-error" message={errors.quietEnd} />
          </div>
        </div>
      </fieldset>

      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="measureEnabled"
          defaultChecked={checked('measureEnabled', settings.measureEnabled)}
          className="size-5"
        />
        <span>Remind me when a questionnaire is ready (at my first reminder time)</span>
      </label>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="nudgesEnabled" defaultChecked={checked('nudgesEnabled', settings.nudgesEnabled)} className="size-5" />
        <span>On a harder day, send me one gentle reminder later to breathe or take a short walk</span>
      </label>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="emailAllowed" defaultChecked={checked('emailAllowed', settings.emailAllowed)} className="size-5" />
        <span>Email me when a notification on this device is not possible</span>
      </label>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={isPending}
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {isPending ? 'Saving…' : 'Save reminders'}
        </button>
        {state.message && (
          <p
            id="reminder-form-message"
            role={state.status === 'error' ? 'alert' : 'status'}
            className={state.status === 'error' ? 'text-sm font-medium text-red-800' : 'text-sm text-stone-700'}
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
