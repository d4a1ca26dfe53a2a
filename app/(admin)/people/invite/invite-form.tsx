'use client';

import { useActionState, useState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { inviteAction, type InviteState } from '../actions';

const initial: InviteState = { status: 'idle' };

export function InviteForm({ therapists }: { therapists: { id: string; name: string }[] }) {
  const [state, action, isPending] = useActionState(inviteAction, initial);
  const [role, setRole] = useState(state.values?.role ?? 'therapist');
  const errors = state.fieldErrors ?? {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};

  return (
    <div className="flex flex-col gap-6">
      <form action={action} className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4" noValidate>
        <FormMessage state={state.status === 'error' ? state : { status: 'idle' }} />
        <TextField name="email" label="Email" type="email" autoComplete="off" required defaultValue={values.email} error={errors.email} />
        <SelectField name="role" label="Role" value={role} onChange={(e) => setRole(e.target.value)} error={errors.role}>
          <option value="therapist">Therapist</option>
          <option value="client">Client</option>
          <option value="admin">Clinic admin</option>
        </SelectField>
        {role === 'client' && (
          <SelectField
            name="therapistId"
            label="Their therapist"
            hint="The client is assigned to this therapist when they accept. They choose what to share."
            defaultValue={values.therapistId ?? ''}
            error={errors.therapistId}
          >
            <option value="">Choose a therapist</option>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        )}
        {role === 'client' && (
          <TextField
            name="phone"
            label="Their phone number (optional)"
            type="tel"
            autoComplete="off"
            maxLength={30}
            hint="Shown to their therapist beside an urgent alert, so they can be reached. They can change it later."
            defaultValue={values.phone}
            error={errors.phone}
          />
        )}
        <TextField
          name="expiresInDays"
          label="Link works for (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          defaultValue={values.expiresInDays ?? '7'}
          error={errors.expiresInDays}
        />
        <button type="submit" disabled={isPending} className={`${primaryButton} self-start`}>
          {isPending ? 'Creating…' : 'Send invitation'}
        </button>
      </form>
      {state.status === 'success' && (
        <section aria-labelledby="invite-done" className="flex flex-col gap-2 rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 id="invite-done" className="font-medium">
            Invitation ready
          </h2>
          <p role="status">{state.message}</p>
          {state.link && (
            <>
              <label htmlFor="invite-link" className="text-sm font-medium">
                Invitation link (shown once)
              </label>
              <input
                id="invite-link"
                readOnly
                value={state.link}
                className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
                onFocus={(e) => e.currentTarget.select()}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
