'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { callAction, formAction, formCommand } from '@/lib/actions/pipeline';
import { requireRole } from '@/lib/auth/session';
import { cancelPlannedReminder } from '@/lib/dal/companion-reminders';
import { removePushSubscriptions, savePushSubscription, saveReminderSettings } from '@/lib/dal/outreach';
import { TandemError } from '@/lib/errors';
import { pushSubscriptionSchema, reminderSettingsSchema } from '@/lib/validation/reminders';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

function readReminderForm(form: FormData) {
  const text = (key: string) => String(form.get(key) ?? '');
  const isOn = (key: string) => form.get(key) === 'on';
  return {
    checkinEnabled: isOn('checkinEnabled'),
    firstTime: text('firstTime'),
    secondTime: text('secondTime'),
    weekdays: form.getAll('weekdays').map(String),
    quietStart: text('quietStart'),
    quietEnd: text('quietEnd'),
    measureEnabled: isOn('measureEnabled'),
    nudgesEnabled: isOn('nudgesEnabled'),
    emailAllowed: isOn('emailAllowed'),
  };
}

export async function saveReminders(_prev: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    caller: 'client',
    schema: reminderSettingsSchema,
    read: readReminderForm,
    invalid: 'Please check the reminder settings marked below.',
    run: async (input, { actor }) => {
      await saveReminderSettings({ actor, input });
      revalidatePath('/settings');
      return { status: 'success', message: 'Your reminder settings are saved.' };
    },
  });
}

export type PushResult = { ok: true } | { ok: false; message: string };

/** This device's push subscription, from the browser (PushSubscription.toJSON()). */
export async function turnOnPush(subscription: unknown): Promise<PushResult> {
  return callAction(subscription, {
    caller: 'client',
    schema: pushSubscriptionSchema,
    invalid: 'That push subscription is not valid.',
    failed: ({ message }) => ({ ok: false, message }),
    run: async (input, { actor }): Promise<PushResult> => {
      await savePushSubscription({ actor, subscription: input });
      revalidatePath('/settings');
      return { ok: true };
    },
  });
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
const cancelReminderSchema = z.object({ reminderId: z.string().default(''), from: z.string().optional() });

export async function cancelCompanionReminder(formData: FormData): Promise<void> {
  return formCommand(formData, {
    caller: 'client',
    schema: cancelReminderSchema,
    refused: async () => redirect('/settings?reminder=missing#planned-heading'),
    run: async ({ reminderId, from }, { actor }) => {
      let outcome = 'cancelled';
      try {
        await cancelPlannedReminder({ actor, reminderId });
      } catch (error) {
        if (!(error instanceof TandemError)) throw error;
        outcome = error.code === 'conflict:reminder_sent' ? 'sent' : 'missing';
      }
      revalidatePath('/settings');
      revalidatePath('/companion');
      redirect(`${from === 'companion' ? '/companion' : '/settings'}?reminder=${outcome}#planned-heading`);
    },
  });
}
