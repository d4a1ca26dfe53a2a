'use server';

import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { sendCompanionMessage, setCompanionTranscriptShared, startCompanionConversation } from '@/lib/dal/companion';
import { planActivationReminder } from '@/lib/dal/companion-reminders';
import { toPublicError } from '@/lib/errors';
import { wallClockText } from '@/lib/dates';
import { activationReminderSchema } from '@/lib/validation/companion-reminder';
import { formOf, typedValues, type FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type CompanionFormState = { error?: string; text?: string; isCrisis?: boolean };

export async function startConversation(formData: FormData): Promise<void> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  await startCompanionConversation({ actor: user, afterDip: formData.get('from') === 'dip' });
  redirect(formData.get('from') === 'dip' ? '/companion?from=dip' : '/companion');
}

export async function sendMessage(_previous: CompanionFormState, formData: FormData): Promise<CompanionFormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const text = String(formData.get('text') ?? '');
  const conversationId = String(formData.get('conversationId') ?? '');
  if (text.trim().length === 0) return { error: 'Type a message first.', text };
  try {
    const sent = await sendCompanionMessage({ actor: user, input: { conversationId, text } });
    if (sent.isCrisis) refreshInsightsAfterResponse(user);
    revalidatePath('/companion');
    return {};
  } catch (error) {
    // Crisis help is shown even when the message could not be saved (no alert was raised then).
    return { error: toPublicError(error).message, text, isCrisis: screenRiskLanguage(text).isHit };
  }
}

export async function shareTranscript(formData: FormData): Promise<void> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const conversationId = z.uuid().safeParse(formData.get('conversationId'));
  if (conversationId.success) {
    await setCompanionTranscriptShared({ actor: user, conversationId: conversationId.data, isShared: formData.get('share') === '1' });
  }
  revalidatePath('/companion');
}

/** "Remind me later today / tomorrow at HH:MM": set only when the client presses the button. */
export async function setActivationReminder(_previous: FormState, formData: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const values = typedValues(formData);
  const parsed = activationReminderSchema.safeParse({
    conversationId: values.conversationId ?? '',
    day: values.day ?? '',
    time: values.time ?? '',
  });
  if (!parsed.success)
    return { status: 'error', message: 'Please check the reminder marked below.', fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const planned = await planActivationReminder({ actor: user, input: parsed.data });
    revalidatePath('/companion');
    revalidatePath('/settings');
    return {
      status: 'success',
      message: `Reminder set for ${wallClockText(planned.localDate, planned.localTime)}. You can cancel it in Settings.`,
    };
  } catch (error) {
    return {
      status: 'error',
      message: 'Please check the reminder marked below.',
      fieldErrors: { time: toPublicError(error).message },
      values,
    };
  }
}
