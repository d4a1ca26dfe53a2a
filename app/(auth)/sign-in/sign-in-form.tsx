'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { signInFeedback } from '@/lib/auth/sign-in-errors';

const inputClass = 'rounded-md border border-stone-300 bg-white px-3 py-2 text-base';

/**
 * Email and password first; when the account has two-factor on, the same form then asks for a
 * code and sends all three together (the password stays only in this page's memory).
 */
export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const credentials = useRef({ email: '', password: '' });
  const [email, setEmail] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!needsCode) {
      credentials.current = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
      setEmail(credentials.current.email);
    }
    setIsPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        ...credentials.current,
        code: needsCode ? String(form.get('code') ?? '') : '',
        redirect: false,
      });
      if (result?.ok) {
        router.replace('/');
        router.refresh();
        return;
      }
      const feedback = signInFeedback(result?.error);
      if (feedback.kind === 'code-required') {
        setNeedsCode(true);
        requestAnimationFrame(() => codeInput.current?.focus());
      } else {
        setError(feedback.message);
      }
    } catch {
      setError('Tandem cannot be reached right now. Check your connection and try again.');
    }
    setIsPending(false);
  }

  function startOver() {
    credentials.current = { email: '', password: '' };
    setNeedsCode(false);
    setError(null);
  }

  const errorBox = error && (
    <p id="sign-in-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error}
    </p>
  );

  if (needsCode) {
    return (
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="code" className="text-sm font-medium">
            Code from your authenticator app
          </label>
          <p id="code-hint" className="text-sm text-stone-600">
            Open the app you set up for Tandem and type the 6-digit code. Lost your phone? Type one of your backup codes instead.
          </p>
          <input
            ref={codeInput}
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            maxLength={20}
            aria-describedby={error ? 'code-hint sign-in-error' : 'code-hint'}
            className={`${inputClass} font-mono tracking-widest`}
          />
        </div>
        {errorBox}
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {isPending ? 'Checking…' : 'Verify and sign in'}
        </button>
        <button type="button" onClick={startOver} className="text-sm text-brand-700 underline underline-offset-4">
          Use a different account
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={email}
          aria-describedby={error ? 'sign-in-error' : undefined}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={error ? 'sign-in-error' : undefined}
          className={inputClass}
        />
      </div>
      {errorBox}
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
