'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction, formCommand, INVALID_FORM } from '@/lib/actions/pipeline';
import { retryMessage } from '@/lib/auth/retry';
import { requireUser } from '@/lib/auth/session';
import { changePassword } from '@/lib/dal/account';
import { endAllSessions, endSession } from '@/lib/dal/auth';
import { disableTwoFactor } from '@/lib/dal/two-factor';
import { changePasswordSchema, disableTwoFactorSchema } from '@/lib/validation/auth';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

export async function signOutEverywhere() {
  const user = await requireUser();
  await endAllSessions(user);
  redirect('/sign-in?reason=signed-out');
}

const endSessionSchema = z.object({ sessionId: z.string().default('') });

/** "Sign out" beside one session in the list: that device's next request finds it ended. */
export async function endSessionAction(form: FormData) {
  return formCommand(form, {
    caller: 'signed-in',
    schema: endSessionSchema,
    refused: async () => revalidatePath('/account'),
    run: async ({ sessionId }, { actor }) => {
      await endSession({ actor, sessionId });
      if (sessionId === actor.sessionId) redirect('/sign-in?reason=signed-out');
      revalidatePath('/account');
    },
  });
}

export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'signed-in',
    schema: changePasswordSchema,
    secret: ['currentPassword', 'newPassword', 'confirmPassword'],
    run: async (input, { actor }) => {
      const outcome = await changePassword({ actor, input });
      switch (outcome.status) {
        case 'changed':
          return { status: 'success', message: 'Your password is changed. Use the new one next time you sign in.' };
        case 'wrong-password':
          return { status: 'error', message: INVALID_FORM, fieldErrors: { currentPassword: 'That is not your current password.' } };
        case 'weak-password':
          return { status: 'error', message: 'Please choose a stronger password.', fieldErrors: { newPassword: outcome.message } };
        case 'throttled':
          return { status: 'error', message: retryMessage(outcome.retryAfterSeconds) };
      }
    },
  });
}

export async function disableTwoFactorAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'signed-in',
    schema: disableTwoFactorSchema,
    secret: ['password', 'code'],
    run: async (input, { actor }) => {
      const outcome = await disableTwoFactor({ actor, ...input });
      switch (outcome.status) {
        case 'disabled':
          revalidatePath('/account');
          return { status: 'success', message: 'Two-factor sign-in is off. Your app’s Tandem entry no longer works; you may delete it.' };
        case 'not-enabled':
          return { status: 'error', message: 'Two-factor sign-in is already off.' };
        case 'wrong-password':
          return { status: 'error', message: INVALID_FORM, fieldErrors: { password: 'That is not your password.' } };
        case 'wrong-code':
          return {
            status: 'error',
            message: INVALID_FORM,
            fieldErrors: { code: 'That code did not work. Use the current code or a backup code.' },
          };
        case 'throttled':
          return { status: 'error', message: retryMessage(outcome.retryAfterSeconds) };
      }
    },
  });
}

/** "Stay signed in" in the idle warning: any checked request marks the session as active. */
export async function keepSessionAlive(): Promise<void> {
  await requireUser();
}
