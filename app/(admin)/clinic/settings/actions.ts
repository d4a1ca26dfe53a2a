'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/session';
import { updateClinicSettings, updateSignInSettings } from '@/lib/dal/settings';
import { toPublicError } from '@/lib/errors';
import { clinicSettingsSchema, signInSettingsSchema } from '@/lib/validation/admin';
import { fieldErrorsOf, formOf, type FormState, typedValues } from '@/lib/validation/form-state';

export async function saveSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const values = typedValues(form);
  const parsed = clinicSettingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Nothing was saved. Please correct the fields marked below.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  }
  try {
    await updateClinicSettings({ actor: user, input: parsed.data });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'Settings saved.', values };
}

export async function saveSignInSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('admin');
  const values = typedValues(form);
  const parsed = signInSettingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Nothing was saved. Please correct the fields marked below.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  }
  try {
    await updateSignInSettings({ actor: user, input: parsed.data });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'Sign-in settings saved.', values };
}
