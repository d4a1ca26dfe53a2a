'use server';

import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/session';
import { acknowledgeAlert } from '@/lib/dal/alerts';
import { TandemError, toPublicError } from '@/lib/errors';
import { alertAcknowledgementSchema } from '@/lib/validation/alerts';
import { formOf, type FormState, typedValues } from '@/lib/validation/form-state';

export async function acknowledge(_prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('therapist');
  const values = typedValues(form);
  const parsed = alertAcknowledgementSchema.safeParse(values);
  if (!parsed.success) {
    return { status: 'error', message: 'Please check the answer marked below.', fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    await acknowledgeAlert({ actor: user, input: parsed.data });
  } catch (error) {
    if (error instanceof TandemError && error.code === 'conflict:alert_acknowledged') revalidatePath('/alerts');
    return { status: 'error', message: toPublicError(error).message, values };
  }
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'Acknowledged.' };
}
