'use client';

import { useActionState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { confirmEnrolmentAction, type EnrolState } from './actions';

const initial: EnrolState = { status: 'idle' };

export function EnrolForm({ homeHref }: { homeHref: string }) {
  const [state, action, isPending] = useActionState(confirmEnrolmentAction, initial);

  if (state.status === 'success' && state.backupCodes) {
    return (
      <section aria-labelledby="backup-heading" className="flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
        <h2 id="backup-heading" className="font-semibold">
          Two-factor sign-in is on. Save your backup codes
        </h2>
        <p className="text-stone-800">
          If you lose your phone, each of these codes lets you sign in once instead of a code from the app. They are shown only now: print
          them or keep them in a password manager.
        </p>
        <ol aria-label="Backup codes" className="grid grid-cols-2 gap-2 font-mono text-lg">
          {state.backupCodes.map((code) => (
            <li key={code} className="rounded bg-white px-2 py-1 text-center">
              {code}
            </li>
          ))}
        </ol>
        {/* A full page load: pages cached in this tab still show the invitation to set it up. */}
        <a href={homeHref} className={primaryButton}>
          I have saved them, continue
        </a>
      </section>
    );
  }

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="code"
        label="Code from the app"
        hint="After adding Tandem, the app shows a 6-digit code that changes every 30 seconds."
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={20}
        required
        error={state.fieldErrors?.code}
      />
      <button type="submit" disabled={isPending} className={primaryButton}>
        {isPending ? 'Checking…' : 'Turn on two-factor sign-in'}
      </button>
    </form>
  );
}
