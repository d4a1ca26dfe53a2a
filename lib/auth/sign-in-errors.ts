import { retryMessage } from './retry';

// What authorize() tells the sign-in form (next-auth passes its error message on as `error`).
// An unknown email and a wrong password give the same "refused".
export const signInErrors = {
  refused: 'refused',
  codeRequired: 'code-required',
  wrongCode: 'wrong-code',
  throttledPrefix: 'throttled:',
} as const;

export type SignInFeedback = { kind: 'code-required' } | { kind: 'message'; message: string };

const wrongCredentials = 'That email and password do not match an account. Check them and try again.';

/** The sentence the person reads for next-auth's `error`. */
export function signInFeedback(error: string | null | undefined): SignInFeedback {
  if (error === signInErrors.codeRequired) return { kind: 'code-required' };
  if (error === signInErrors.wrongCode) {
    return { kind: 'message', message: 'That code did not work. Enter the current code from your app, or one of your backup codes.' };
  }
  if (error?.startsWith(signInErrors.throttledPrefix)) {
    const seconds = Number(error.slice(signInErrors.throttledPrefix.length));
    return { kind: 'message', message: retryMessage(Number.isFinite(seconds) ? seconds : 60) };
  }
  if (error === signInErrors.refused || error === 'CredentialsSignin') return { kind: 'message', message: wrongCredentials };
  return { kind: 'message', message: 'Signing in failed. Please try again.' };
}
