'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/pipeline';
import { updateClinicSettings, updateSignInSettings } from '@/lib/dal/settings';
import { clinicSettingsSchema, signInSettingsSchema } from '@/lib/validation/admin';
import type { FormState } from '@/lib/validation/form-state';

const invalid = 'Nothing was saved. Please correct the fields marked below.';

export async function saveSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: clinicSettingsSchema,
    invalid,
    run: async (input, { actor, values }) => {
      await updateClinicSettings({ actor, input });
      revalidatePath('/', 'layout');
      return { status: 'success', message: 'Settings saved.', values };
    },
  });
}

export async function saveSignInSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: signInSettingsSchema,
    invalid,
    run: async (input, { actor, values }) => {
      await updateSignInSettings({ actor, input });
      revalidatePath('/', 'layout');
      return { status: 'success', message: 'Sign-in settings saved.', values };
    },
  });
}
