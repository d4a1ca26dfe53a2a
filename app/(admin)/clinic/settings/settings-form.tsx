'use client';

import { useActionState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { TextAreaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { ClinicSettingsInput } from '@/lib/validation/admin';
import { idleForm } from '@/lib/validation/form-state';
import { saveSettingsAction } from './actions';

export function SettingsForm({ settings }: { settings: ClinicSettingsInput }) {
  const [state, action, isPending] = useActionState(saveSettingsAction, idleForm);
  const errors = state.fieldErrors ?? {};
  const value = (key: keyof ClinicSettingsInput) => state.values?.[key] ?? String(settings[key]);
  const number = { type: 'number', inputMode: 'numeric', required: true } as const;

  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <section aria-labelledby="crisis-heading" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="crisis-heading" className="font-semibold">
          Crisis resources
        </h2>
        <TextAreaField
          name="crisisResources"
          label="What clients see when they may be in danger"
          hint="Shown at once when a client answers the PHQ-9 self-harm question above 0 or writes crisis words, and on their crisis page. Include phone numbers."
          rows={5}
          defaultValue={value('crisisResources')}
          error={errors.crisisResources}
        />
        <TextField
          name="crisisResponseTime"
          label="How soon the clinic replies to an urgent alert"
          hint="Completes the sentence clients see with crisis help: “Your therapist has been notified and the clinic aims to reply …”. For example: within one working day."
          autoComplete="off"
          required
          defaultValue={value('crisisResponseTime')}
          error={errors.crisisResponseTime}
        />
      </section>
      <section aria-labelledby="care-heading" className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <h2 id="care-heading" className="font-semibold sm:col-span-2">
          Measures and alerts
        </h2>
        <TextField
          name="measureCadenceDays"
          label="Default questionnaire cadence (days)"
          hint="How often PHQ-9 and GAD-7 are due unless a therapist sets otherwise."
          min={1}
          max={365}
          {...number}
          defaultValue={value('measureCadenceDays')}
          error={errors.measureCadenceDays}
        />
        <TextField
          name="escalationHours"
          label="Escalation time (hours)"
          hint="An urgent alert not acknowledged after this long is shown to clinic admins."
          min={1}
          max={168}
          {...number}
          defaultValue={value('escalationHours')}
          error={errors.escalationHours}
        />
        <TextField
          name="phq9ReliableChange"
          label="PHQ-9 reliable change (points)"
          hint="NHS Talking Therapies uses 6."
          min={1}
          max={27}
          {...number}
          defaultValue={value('phq9ReliableChange')}
          error={errors.phq9ReliableChange}
        />
        <TextField
          name="gad7ReliableChange"
          label="GAD-7 reliable change (points)"
          hint="NHS Talking Therapies uses 4."
          min={1}
          max={21}
          {...number}
          defaultValue={value('gad7ReliableChange')}
          error={errors.gad7ReliableChange}
        />
        <TextField
          name="timeZone"
          label="Clinic time zone"
          hint="An IANA name such as Europe/London. Used for the clinic’s days in the audit log and reports."
          autoComplete="off"
          defaultValue={value('timeZone')}
          error={errors.timeZone}
        />
      </section>
      <button type="submit" disabled={isPending} className={`${primaryButton} self-start`}>
        {isPending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
