'use server';

import { retryMessage } from '@/lib/auth/retry';
import { requireUserForEnrolment } from '@/lib/auth/session';
import { confirmTwoFactorEnrolment } from '@/lib/dal/two-factor';
import { toPublicError } from '@/lib/errors';
import { codeSchema } from '@/lib/validation/auth';
import { formOf, type FormState } from '@/lib/validation/form-state';

export type EnrolState = FormState & { backupCodes?: string[] };

const refusals = {
  'wrong-code': 'That code did not match. Check that the app shows Tandem and type the code it shows now.',
  'not-started': 'Reload this page to get a key, then try again.',
  'already-enabled': 'Two-factor sign-in is already on for your account.',
} as const;

export async function confirmEnrolmentAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireUserForEnrolment();
  const parsed = codeSchema.safeParse({ code: form.get('code') ?? '' });
  if (!parsed.success)
    return { status: 'error', message: 'Please enter the code.', fieldErrors: { code: parsed.error.issues[0]?.message } };
  try {
    const outcome = await confirmTwoFactorEnrolment({ actor: user, code: parsed.data.code });
    if (outcome.status === 'enabled') return { status: 'success', message: 'Two-factor sign-in is on.', backupCodes: outcome.backupCodes };
    if (outcome.status === 'throttled') return { status: 'error', message: retryMessage(outcome.retryAfterSeconds) };
    return {
      status: 'error',
      message: refusals[outcome.status],
      fieldErrors: outcome.status === 'wrong-code' ? { code: refusals['wrong-code'] } : {},
    };
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
}
