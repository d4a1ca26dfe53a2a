'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/pipeline';
import { saveCarePlan } from '@/lib/dal/care-plan';
import { carePlanFieldErrors, carePlanFormSchema } from '@/lib/validation/care-plan';
import type { FormState } from '@/lib/validation/form-state';

export async function saveCarePlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'therapist',
    schema: carePlanFormSchema,
    fieldErrors: carePlanFieldErrors,
    invalid: (fieldErrors) => fieldErrors.content ?? 'Please check the fields marked below. Nothing was saved.',
    run: async (input, { actor }) => {
      const { version } = await saveCarePlan({ actor, input });
      revalidatePath(`/clients/${input.clientId}`, 'layout');
      return { status: 'success', message: `Saved as version ${version}.` };
    },
  });
}
