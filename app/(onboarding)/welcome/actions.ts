'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/pipeline';
import { completeOnboarding } from '@/lib/dal/consent';
import { onboardingSchema, scopeSchema } from '@/lib/validation/client-data';
import type { FormState } from '@/lib/validation/form-state';

/** The form's checkboxes, "therapistId:scope", as each therapist's list of scopes (possibly empty). */
function readWelcomeForm(form: FormData) {
  const shares: Record<string, string[]> = {};
  for (const therapistId of form.getAll('therapist')) shares[String(therapistId)] = [];
  for (const value of form.getAll('share')) {
    const [therapistId, scope] = String(value).split(':');
    if (therapistId && scopeSchema.safeParse(scope).success) (shares[therapistId] ??= []).push(scope as string);
  }
  return { timeZone: form.get('timeZone'), shares };
}

export async function finishWelcome(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: onboardingSchema,
    read: readWelcomeForm,
    // The time zone is the one field a person chooses; anything else is a page out of date.
    invalid: (fieldErrors) => (fieldErrors.timeZone ? undefined : 'Something in the form was not valid. Reload the page and try again.'),
    run: async (input, { actor }) => {
      await completeOnboarding({ actor, ...input });
      redirect('/check-in');
    },
  });
}
