'use server';

import { formAction } from '@/lib/actions/pipeline';
import { retryMessage } from '@/lib/auth/retry';
import { confirmTwoFactorEnrolment } from '@/lib/dal/two-factor';
import { codeSchema } from '@/lib/validation/auth';
import type { FormState } from '@/lib/validation/form-state';

export type EnrolState = FormState & { backupCodes?: string[] };

const refusals = {
  'wrong-code': 'That code did not match. Check that the app shows Tandem and type the code it shows now.',
  'not-started': 'Reload this page to get a key, then try again.',
  'already-enabled': 'Two-factor sign-in is already on for your account.',
} as const;

export async function confirmEnrolmentAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  return formAction<typeof codeSchema, 'enrolling', EnrolState>(form, {
    caller: 'enrolling',
    schema: codeSchema,
    secret: ['code'],
    invalid: 'Please enter the code.',
    run: async ({ code }, { actor }) => {
      const outcome = await confirmTwoFactorEnrolment({ actor, code });
      if (outcome.status === 'enabled')
        return { status: 'success', message: 'Two-factor sign-in is on.', backupCodes: outcome.backupCodes };
      if (outcome.status === 'throttled') return { status: 'error', message: retryMessage(outcome.retryAfterSeconds) };
      return {
        status: 'error',
        message: refusals[outcome.status],
        fieldErrors: outcome.status === 'wrong-code' ? { code: refusals['wrong-code'] } : {},
      };
    },
  });
}
