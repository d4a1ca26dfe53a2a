'use client';

import { useActionState } from 'react';
import { secondaryButton } from '@/components/ui/button-styles';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { saveTimeZone } from './actions';

export function TimeZoneForm({ timeZones, current }: { timeZones: string[]; current: string }) {
  const [state, action, isPending] = useActionState(saveTimeZone, idleForm);
  return (
    <form action={action} className="flex flex-col gap-3 sm:max-w-md">
      <SelectField name="timeZone" label="Time zone" defaultValue={state.values?.timeZone ?? current} error={state.fieldErrors?.timeZone}>
        {timeZones.map((tz) => (
          <option key={tz} value={tz}>
            {tz.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={secondaryButton}>
          {isPending ? 'Saving…' : 'Save time zone'}
        </button>
      </div>
    </form>
  );
}
