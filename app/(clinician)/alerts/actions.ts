'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/pipeline';
import { acknowledgeAlert } from '@/lib/dal/alerts';
import { alertAcknowledgementSchema } from '@/lib/validation/alerts';
import type { FormState } from '@/lib/validation/form-state';

export async function acknowledge(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'therapist',
    schema: alertAcknowledgementSchema,
    invalid: 'Please check the answer marked below.',
    onError: ({ code }) => {
      if (code === 'conflict:alert_acknowledged') revalidatePath('/alerts');
      return undefined;
    },
    run: async (input, { actor }) => {
      await acknowledgeAlert({ actor, input });
      revalidatePath('/', 'layout');
      return { status: 'success', message: 'Acknowledged.' };
    },
  });
}
