'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/pipeline';
import { grantConsent, revokeConsent } from '@/lib/dal/consent';
import { addDays, instantOf, localDateIn } from '@/lib/dates';
import { shareScopeSchema, stopScopeSchema } from '@/lib/validation/client-data';
import type { FormState } from '@/lib/validation/form-state';

export async function shareScope(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: shareScopeSchema,
    invalid: (fieldErrors) => Object.values(fieldErrors)[0] ?? 'Check the date.',
    run: async ({ therapistId, scope, until }, { actor, values }) => {
      if (until && until < localDateIn(actor.timeZone)) {
        const message = 'Choose today or a later day.';
        return { status: 'error', message, fieldErrors: { until: message }, values };
      }
      // Sharing "until 12 May" includes 12 May: it ends as the next day begins where the client lives.
      const expiresAt = until ? instantOf(addDays(until, 1), '00:00', actor.timeZone) : undefined;
      await grantConsent({ actor, therapistId, scope, expiresAt });
      revalidatePath('/sharing');
      return { status: 'success' };
    },
  });
}

export async function stopSharing(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: stopScopeSchema,
    invalid: 'Something in the request was not valid. Reload the page and try again.',
    run: async (input, { actor }) => {
      await revokeConsent({ actor, ...input });
      revalidatePath('/sharing');
      return { status: 'success' };
    },
  });
}
