'use client';

import { useActionState } from 'react';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { FormMessage } from '@/components/ui/form-message';
import type { HeldClient } from '@/lib/dal/clinic-caseloads';
import { idleForm, type FormState } from '@/lib/validation/form-state';
import { deactivateTherapistAction } from '../../actions';

type Attempt = FormState & { attempt: number };

export type TargetTherapist = { id: string; name: string; activeClients: number; capacity: number | null };

const load = (t: TargetTherapist) =>
  `${t.name} (${t.activeClients === 1 ? '1 client' : `${t.activeClients} clients`}${t.capacity === null ? '' : `, capacity ${t.capacity}`})`;

const select = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600';

export function DeactivateTherapistForm({
  therapistId,
  therapistName,
  clients,
  targets,
}: {
  therapistId: string;
  therapistName: string;
  clients: HeldClient[];
  targets: TargetTherapist[];
}) {
  // Each answer remounts the form, so the choices sent come back selected: React sets a select's
  // defaultValue only when it mounts, and resets the form after every action.
  const [state, action, isPending] = useActionState(
    async (previous: Attempt, form: FormData): Promise<Attempt> => ({
      ...(await deactivateTherapistAction(previous, form)),
      attempt: previous.attempt + 1,
    }),
    { ...idleForm, attempt: 0 },
  );
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  if (clients.length === 0) {
    return (
      <form key={state.attempt} action={action} className="flex flex-col items-start gap-3">
        <input type="hidden" name="id" value={therapistId} />
        <FormMessage state={state} />
        <button type="submit" name="intent" value="deactivate" disabled={isPending} className={primaryButton}>
          {isPending ? 'Deactivating…' : `Deactivate ${therapistName}`}
        </button>
      </form>
    );
  }

  const options = targets.map((t) => (
    <option key={t.id} value={t.id}>
      {load(t)}
    </option>
  ));

  return (
    <form key={state.attempt} action={action} className="flex flex-col gap-6">
      <input type="hidden" name="id" value={therapistId} />
      {clients.map((c) => (
        <input key={c.clientId} type="hidden" name="client" value={c.clientId} />
      ))}
      <FormMessage state={state} />

      <section aria-labelledby="reassign-heading" className="flex flex-col gap-4 rounded-lg border-2 border-brand-600 bg-white p-4">
        <h2 id="reassign-heading" className="text-lg font-semibold">
          Reassign {clients.length === 1 ? 'the client' : `all ${clients.length} clients`}
        </h2>
        <p className="text-stone-700">
          Choose one therapist for everyone, or a therapist for each client (a choice for a client wins over the one for everyone). Each
          therapist’s current number of clients and capacity is shown beside their name. Sharing does not carry over: the new therapist sees
          nothing a client logs until that client chooses to share with them. Urgent alerts waiting go to the new therapist.
        </p>
        <div className="flex max-w-md flex-col gap-1">
          <label htmlFor="everyone" className="text-sm font-medium">
            New therapist for everyone
          </label>
          <select id="everyone" name="everyone" defaultValue={values.everyone ?? ''} className={select}>
            <option value="">Choose for each client below</option>
            {options}
          </select>
        </div>
        <ul aria-label={`${therapistName}’s active clients`} className="divide-y divide-stone-100 border-y border-stone-100">
          {clients.map((c) => {
            const name = `therapist-${c.clientId}`;
            const error = errors[name];
            return (
              <li key={c.clientId} className="grid gap-2 py-3 sm:grid-cols-2 sm:items-start">
                <div>
                  <p className="font-medium">{c.name}</p>
                  <p className={`text-sm ${c.openAlerts > 0 ? 'font-semibold text-red-800' : 'text-stone-600'}`}>
                    {c.openAlerts === 0
                      ? 'No urgent alert waiting'
                      : c.openAlerts === 1
                        ? '1 urgent alert waiting'
                        : `${c.openAlerts} urgent alerts waiting`}
                  </p>
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={name} className="sr-only">
                    New therapist for {c.name}
                  </label>
                  <select
                    id={name}
                    name={name}
                    defaultValue={values[name] ?? ''}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? `${name}-error` : undefined}
                    className={select}
                  >
                    <option value="">The therapist for everyone</option>
                    {options}
                  </select>
                  {error && (
                    <p id={`${name}-error`} className="text-sm text-red-700">
                      {error}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <button type="submit" name="intent" value="reassign" disabled={isPending} className={`${primaryButton} self-start`}>
          {isPending ? 'Saving…' : 'Reassign and deactivate'}
        </button>
      </section>

      <section aria-labelledby="unassign-heading" className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="unassign-heading" className="text-lg font-semibold">
          Or leave the clients without a therapist
        </h2>
        <p className="text-stone-700">
          They will be listed on the clinic overview under “Clients without a therapist”, and their urgent alerts come to the clinic’s
          admins until someone is assigned.
        </p>
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="confirmUnassign"
              value="yes"
              defaultChecked={values.confirmUnassign === 'yes'}
              aria-invalid={Boolean(errors.confirmUnassign)}
              aria-describedby={errors.confirmUnassign ? 'confirmUnassign-error' : undefined}
              className="mt-1 size-4"
            />
            <span>
              I understand that {clients.length === 1 ? 'this client' : `these ${clients.length} clients`} will have no therapist, and that
              their urgent alerts come to the admins until someone is assigned.
            </span>
          </label>
          {errors.confirmUnassign && (
            <p id="confirmUnassign-error" className="text-sm text-red-700">
              {errors.confirmUnassign}
            </p>
          )}
        </div>
        <button type="submit" name="intent" value="unassign" disabled={isPending} className={`${secondaryButton} self-start`}>
          Deactivate and leave clients unassigned
        </button>
      </section>
    </form>
  );
}
