'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/pipeline';
import { setCompanionModelAllowed } from '@/lib/dal/companion';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

const companionModelSchema = z.object({ allow: z.enum(['yes', 'no'], 'Choose whether the model may phrase replies.') });

export async function saveCompanionModelAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: companionModelSchema,
    invalid: (fieldErrors) => fieldErrors.allow,
    run: async ({ allow }, { actor }) => {
      await setCompanionModelAllowed({ actor, isAllowed: allow === 'yes' });
      revalidatePath('/clinic/settings');
      return { status: 'success', message: 'Saved.' };
    },
  });
}
