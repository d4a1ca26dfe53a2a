'use client';

import { useActionState, useState, useSyncExternalStore } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { finishWelcome } from './actions';
import { deviceTimeZone } from '@/lib/dates/device';

type Scope = { scope: string; label: string; explanation: string };

const subscribeNever = () => () => {};

export function WelcomeForm({
  timeZones,
  savedTimeZone,
  therapists,
  scopes,
}: {
  timeZones: string[];
  savedTimeZone: string;
  therapists: { therapistId: string; name: string }[];
  scopes: Scope[];
}) {
  const [state, action, isPending] = useActionState(finishWelcome, idleForm);
  // The browser's zone is the default; the server, which cannot know it, renders the saved one.
  const browserTimeZone = useSyncExternalStore(subscribeNever, deviceTimeZone, () => savedTimeZone);
  const [chosen, setChosen] = useState<string | null>(null);
  const timeZoneError = state.fieldErrors?.timeZone;
  const timeZone = chosen ?? (timeZones.includes(browserTimeZone) ? browserTimeZone : savedTimeZone);

  return (
    <form action={action} className="flex flex-col gap-6">
      <fieldset className="rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 text-lg font-medium">Your time zone</legend>
        <p className="mb-3 text-stone-700">It decides which day a check-in belongs to, also when you travel.</p>
        <SelectField name="timeZone" label="Time zone" value={timeZone} onChange={(e) => setChosen(e.target.value)} error={timeZoneError}>
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
      </fieldset>

      {therapists.map((t) => (
        <fieldset key={t.therapistId} className="rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 text-lg font-medium">What to share with {t.name}</legend>
          <input type="hidden" name="therapist" value={t.therapistId} />
          <p className="mb-3 text-stone-700">Tick what {t.name} may see. You can change this at any time on the Sharing page.</p>
          <div className="flex flex-col gap-3">
            {scopes.map((s) => {
              const id = `share-${t.therapistId}-${s.scope}`;
              return (
                <div key={s.scope} className="flex items-start gap-3">
                  <input
                    id={id}
                    type="checkbox"
                    name="share"
                    value={`${t.therapistId}:${s.scope}`}
                    aria-describedby={`${id}-text`}
                    className="mt-1 size-5 shrink-0 accent-brand-700"
                  />
                  <label htmlFor={id} className="flex flex-col">
                    <span className="font-medium">{s.label}</span>
                    <span id={`${id}-text`} className="text-sm text-stone-700">
                      {s.explanation}
                    </span>
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}

      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Saving…' : 'Save and continue'}
        </button>
      </div>
    </form>
  );
}
