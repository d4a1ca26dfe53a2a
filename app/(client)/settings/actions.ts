'use server';

import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { deleteMyAccount, updatePhone, updateTimeZone } from '@/lib/dal/account';
import { cancelPause, createPause } from '@/lib/dal/pauses';
import { addDays, localDateIn } from '@/lib/dates';
import { toPublicError } from '@/lib/errors';
import { timeZoneSchema } from '@/lib/validation/calendar-day';
import { deleteAccountSchema, pauseSchema } from '@/lib/validation/client-data';
import { formOf, type FormState, typedValues } from '@/lib/validation/form-state';
import { contactSchema } from '@/lib/validation/phone';
import { z } from '@/lib/validation/zod';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type PauseState = { error?: string; until?: string };

export async function startPause(_prev: PauseState, formData: FormData): Promise<PauseState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const until = String(formData.get('until') ?? '');
  const parsed = pauseSchema.safeParse({ until });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, until };
  const today = localDateIn(user.timeZone);
  if (parsed.data.until < today) return { error: 'Choose today or a later day.', until };
  if (parsed.data.until > addDays(today, 365)) return { error: 'A break can last up to a year. Choose an earlier day.', until };
  try {
    await createPause({ actor: user, startsOn: today, endsOn: parsed.data.until });
  } catch (error) {
    return { error: toPublicError(error).message, until };
  }
  // A break silences disengagement signals: recompute now, not at the next check-in.
  refreshInsightsAfterResponse(user);
  revalidatePath('/settings');
  return {};
}

export async function endPause(formData: FormData): Promise<void> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const pauseId = z.uuid().safeParse(formData.get('pauseId'));
  if (pauseId.success) {
    await cancelPause({ actor: user, pauseId: pauseId.data });
    refreshInsightsAfterResponse(user);
  }
  revalidatePath('/settings');
}

export type DeleteState = { passwordError?: string; confirmError?: string; error?: string };

export async function deleteAccount(_prev: DeleteState, formData: FormData): Promise<DeleteState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const parsed = deleteAccountSchema.safeParse({ password: formData.get('password') ?? '', confirm: formData.get('confirm') ?? '' });
  if (!parsed.success) {
    const issue = (field: string) => parsed.error.issues.find((i) => i.path[0] === field)?.message;
    return { passwordError: issue('password'), confirmError: issue('confirm') };
  }
  let isDeleted: boolean;
  try {
    isDeleted = await deleteMyAccount({ actor: user, password: parsed.data.password });
  } catch (error) {
    return { error: toPublicError(error).message };
  }
  if (!isDeleted) return { passwordError: 'That password is not right. Nothing was deleted.' };
  redirect('/sign-in?reason=account-deleted');
}

export type TimeZoneState = { error?: string; saved?: boolean };

export async function saveTimeZone(_prev: TimeZoneState, formData: FormData): Promise<TimeZoneState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const parsed = timeZoneSchema.safeParse(formData.get('timeZone'));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  try {
    await updateTimeZone({ actor: user, timeZone: parsed.data });
  } catch (error) {
    return { error: toPublicError(error).message };
  }
  revalidatePath('/', 'layout');
  return { saved: true };
}

export async function savePhone(_prev: FormState, formData: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const values = typedValues(formData);
  const parsed = contactSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Please check the number.', fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await updatePhone({ actor: user, phone: parsed.data.phone ?? '' });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  revalidatePath('/settings');
  return { status: 'success', message: parsed.data.phone ? 'Saved.' : 'Your phone number is removed.' };
}
