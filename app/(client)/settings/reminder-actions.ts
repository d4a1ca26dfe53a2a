'use server';

import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { cancelPlannedReminder } from '@/lib/dal/companion-reminders';
import { removePushSubscriptions, savePushSubscription, saveReminderSettings } from '@/lib/dal/outreach';
import { TandemError, toPublicError } from '@/lib/errors';
import { reminderSettingsSchema } from '@/lib/validation/reminders';
import { formOf, typedValues, type FormState } from '@/lib/validation/form-state';

export async function saveReminders(_prev: FormState, formData: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const values = typedValues(formData);
  const text = (key: string) => String(formData.get(key) ?? '');
  const parsed = reminderSettingsSchema.safeParse({
    checkinEnabled: formData.get('checkinEnabled') === 'on',
    firstTime: text('firstTime'),
    secondTime: text('secondTime'),
    weekdays: formData.getAll('weekdays').map(String),
    quietStart: text('quietStart'),
    quietEnd: text('quietEnd'),
    measureEnabled: formData.get('measureEnabled') === 'on',
    nudgesEnabled: formData.get('nudgesEnabled') === 'on',
    emailAllowed: formData.get('emailAllowed') === 'on',
  });
  if (!parsed.success)
    return {
      status: 'error',
      message: 'Please check the reminder settings marked below.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  try {
    await saveReminderSettings({ actor: user, input: parsed.data });
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message, values };
  }
  revalidatePath('/settings');
  return { status: 'success', message: 'Your reminder settings are saved.' };
}

export type PushResult = { ok: true } | { ok: false; message: string };

/** This device's push subscription, from the browser (PushSubscription.toJSON()). */
export async function turnOnPush(subscription: unknown): Promise<PushResult> {
  const user = await requireRole('client');
  try {
    await savePushSubscription({ actor: user, subscription: subscription as never });
  } catch (error) {
    return { ok: false, message: toPublicError(error).message };
  }
  revalidatePath('/settings');
  return { ok: true };
}

export async function turnOffPush(): Promise<PushResult> {
  const user = await requireRole('client');
  await removePushSubscriptions({ actor: user });
  revalidatePath('/settings');
  return { ok: true };
}

/**
 * Cancels a reminder planned with the companion, from Settings or the companion page, and goes
 * back there with word of what happened (cancelled, or already gone out).
 */
export async function cancelCompanionReminder(formData: FormData): Promise<void> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const back = formData.get('from') === 'companion' ? '/companion' : '/settings';
  let outcome = 'cancelled';
  try {
    await cancelPlannedReminder({ actor: user, reminderId: String(formData.get('reminderId') ?? '') });
  } catch (error) {
    if (!(error instanceof TandemError)) throw error;
    outcome = error.code === 'conflict:reminder_sent' ? 'sent' : 'missing';
  }
  revalidatePath('/settings');
  revalidatePath('/companion');
  redirect(`${back}?reminder=${outcome}#planned-heading`);
}
