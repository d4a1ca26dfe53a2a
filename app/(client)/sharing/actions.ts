'use server';

import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/session';
import { grantConsent, revokeConsent } from '@/lib/dal/consent';
import { addDays, instantOf, localDateIn } from '@/lib/dates';
import { toPublicError } from '@/lib/errors';
import { shareScopeSchema, stopScopeSchema } from '@/lib/validation/client-data';
import { formOf } from '@/lib/validation/form-state';

export type ScopeActionState = { error?: string; fieldError?: string; done?: 'shared' | 'stopped' };

export async function shareScope(_prev: ScopeActionState, formData: FormData): Promise<ScopeActionState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const parsed = shareScopeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldError: parsed.error.issues[0]?.message ?? 'Check the date.' };
  const { therapistId, scope, until } = parsed.data;
  if (until && until < localDateIn(user.timeZone)) return { fieldError: 'Choose today or a later day.' };
  // Sharing "until 12 May" includes 12 May: it ends as the next day begins where the client lives.
  const expiresAt = until ? instantOf(addDays(until, 1), '00:00', user.timeZone) : undefined;
  try {
    await grantConsent({ actor: user, therapistId, scope, expiresAt });
  } catch (error) {
    return { error: toPublicError(error).message };
  }
  revalidatePath('/sharing');
  return { done: 'shared' };
}

export async function stopSharing(_prev: ScopeActionState, formData: FormData): Promise<ScopeActionState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const parsed = stopScopeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: 'Something in the request was not valid. Reload the page and try again.' };
  try {
    await revokeConsent({ actor: user, ...parsed.data });
  } catch (error) {
    return { error: toPublicError(error).message };
  }
  revalidatePath('/sharing');
  return { done: 'stopped' };
}
