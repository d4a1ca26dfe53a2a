'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/session';
import { saveCarePlan } from '@/lib/dal/care-plan';
import { toPublicError } from '@/lib/errors';
import { carePlanContentSchema, carePlanFieldErrors } from '@/lib/validation/care-plan';
import { formOf, type FormState } from '@/lib/validation/form-state';

export async function saveCarePlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('therapist');
  const clientId = String(form.get('clientId') ?? '');
  const baseVersion = String(form.get('baseVersion') ?? '');
  let raw: unknown;
  try {
    raw = JSON.parse(String(form.get('content') ?? ''));
  } catch {
    return { status: 'error', message: 'The plan could not be read. Reload the page and try again.' };
  }
  const parsed = carePlanContentSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Please check the fields marked below. Nothing was saved.',
      fieldErrors: carePlanFieldErrors(parsed.error),
    };
  }
  try {
    const { version } = await saveCarePlan({ actor: user, input: { clientId, baseVersion: Number(baseVersion), content: parsed.data } });
    revalidatePath(`/clients/${clientId}`, 'layout');
    return { status: 'success', message: `Saved as version ${version}.` };
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
}
