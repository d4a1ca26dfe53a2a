'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FieldErrors, formAction } from '@/lib/actions/pipeline';
import { assignClients, setCaseloadCapacity } from '@/lib/dal/clinic-caseloads';
import { assignClientsSchema, capacitySchema } from '@/lib/validation/admin';
import type { FormState } from '@/lib/validation/form-state';

// These forms have no field of their own to mark: the first problem is the message.
const firstProblem = (fieldErrors: FieldErrors) => Object.values(fieldErrors)[0];

export async function confirmAssignmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: assignClientsSchema,
    read: (sent) => ({ clientIds: sent.getAll('client'), therapistId: sent.get('therapist') }),
    invalid: firstProblem,
    run: async (input, { actor }) => {
      const { changed } = await assignClients({ actor, input });
      revalidatePath('/caseloads');
      redirect(`/caseloads?assigned=${changed}`);
    },
  });
}

export async function capacityAction(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: capacitySchema,
    invalid: firstProblem,
    run: async ({ therapistId, capacity }, { actor }) => {
      await setCaseloadCapacity({ actor, therapistId, capacity: capacity ?? null });
      revalidatePath('/caseloads');
      return { status: 'success', message: 'Saved.' };
    },
  });
}
