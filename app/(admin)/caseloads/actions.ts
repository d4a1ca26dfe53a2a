'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { assignClients, setCaseloadCapacity } from '@/lib/dal/clinic-caseloads';
import { toPublicError } from '@/lib/errors';
import { assignClientsSchema, capacitySchema } from '@/lib/validation/admin';
import { fieldErrorsOf, formOf, type FormState } from '@/lib/validation/form-state';

export async function confirmAssignmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const parsed = assignClientsSchema.safeParse({ clientIds: form.getAll('client'), therapistId: form.get('therapist') });
  if (!parsed.success) return { status: 'error', message: Object.values(fieldErrorsOf(parsed.error))[0] };
  let changed: number;
  try {
    ({ changed } = await assignClients({ actor: user, input: parsed.data }));
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
  revalidatePath('/caseloads');
  redirect(`/caseloads?assigned=${changed}`);
}

export async function capacityAction(_previous: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const parsed = capacitySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return {
      status: 'error',
      message: Object.values(fieldErrorsOf(parsed.error))[0],
      values: { capacity: String(form.get('capacity') ?? '') },
    };
  try {
    await setCaseloadCapacity({ actor: user, therapistId: parsed.data.therapistId, capacity: parsed.data.capacity ?? null });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
  revalidatePath('/caseloads');
  return { status: 'success', message: 'Saved.' };
}
