'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/session';
import { setCompanionModelAllowed } from '@/lib/dal/companion';
import { toPublicError } from '@/lib/errors';
import { formOf } from '@/lib/validation/form-state';

export type CompanionModelState = { message?: string; isError?: boolean };

export async function saveCompanionModelAction(_previous: CompanionModelState, form: FormData): Promise<CompanionModelState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('admin');
  const choice = form.get('allow');
  if (choice !== 'yes' && choice !== 'no') return { message: 'Choose whether the model may phrase replies.', isError: true };
  try {
    await setCompanionModelAllowed({ actor: user, isAllowed: choice === 'yes' });
  } catch (error) {
    return { message: toPublicError(error).message, isError: true };
  }
  revalidatePath('/clinic/settings');
  return { message: 'Saved.' };
}
