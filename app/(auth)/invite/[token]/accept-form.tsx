'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { acceptInvitationAction, type AcceptState } from './actions';
import { deviceTimeZone } from '@/lib/dates/device';

const initial: AcceptState = { status: 'idle' };

export function AcceptForm({ token, email, minPasswordLength }: { token: string; email: string; minPasswordLength: number }) {
  const router = useRouter();
  const [state, action, isPending] = useActionState(acceptInvitationAction.bind(null, token), initial);
  const password = useRef('');
  const [signInFailed, setSignInFailed] = useState(false);
  const [timeZone] = useState(deviceTimeZone);
  const errors = state.fieldErrors ?? {};

  useEffect(() => {
    if (state.status !== 'success' || !state.email) return;
    void signIn('credentials', { email: state.email, password: password.current, redirect: false }).then((result) => {
      if (result?.ok) {
        router.replace('/');
        router.refresh();
      } else setSignInFailed(true);
    });
  }, [state, router]);

  if (state.status === 'success') {
    return signInFailed ? (
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
        Your account is ready.{' '}
        <a href="/sign-in" className="underline">
          Sign in
        </a>{' '}
        with {state.email}.
      </p>
    ) : (
      <FormMessage state={state} />
    );
  }

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <TextField name="email" label="Email" type="email" value={email} readOnly autoComplete="username" />
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={state.values?.name} error={errors.name} />
      <TextField
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters, not a common password. A few unrelated words you will remember work well.`}
        required
        onChange={(e) => (password.current = e.target.value)}
        error={errors.password}
      />
      <TextField
        name="confirmPassword"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <input type="hidden" name="timeZone" value={state.values?.timeZone ?? timeZone} />
      <button type="submit" disabled={isPending} className={primaryButton}>
        {isPending ? 'Creating your account…' : 'Create my account'}
      </button>
    </form>
  );
}
