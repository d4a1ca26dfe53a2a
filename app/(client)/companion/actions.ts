'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction, formCommand } from '@/lib/actions/pipeline';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { sendCompanionMessage, setCompanionTranscriptShared, startCompanionConversation } from '@/lib/dal/companion';
import { planActivationReminder } from '@/lib/dal/companion-reminders';
import { wallClockText } from '@/lib/dates';
import { activationReminderSchema } from '@/lib/validation/companion-reminder';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type CompanionFormState = FormState & { isCrisis?: boolean };

const messageFormSchema = z.object({
  conversationId: z.string(),
  text: z.string().refine((text) => text.trim().length > 0, 'Type a message first.'),
});

const startConversationSchema = z.object({ from: z.string().optional() });

export async function startConversation(formData: FormData): Promise<void> {
  return formCommand(formData, {
    caller: 'client',
    schema: startConversationSchema,
    refused: async () => redirect('/companion'),
    run: async ({ from }, { actor }) => {
      await startCompanionConversation({ actor, afterDip: from === 'dip' });
      redirect(from === 'dip' ? '/companion?from=dip' : '/companion');
    },
  });
}

export async function sendMessage(_previous: CompanionFormState, formData: FormData): Promise<CompanionFormState> {
  return formAction<typeof messageFormSchema, 'client', CompanionFormState>(formData, {
    caller: 'client',
    schema: messageFormSchema,
    read: (form) => ({ conversationId: String(form.get('conversationId') ?? ''), text: String(form.get('text') ?? '') }),
    // An empty message is said beside the box; a conversation id out of date, above it.
    invalid: (fieldErrors) => (fieldErrors.text ? undefined : fieldErrors.conversationId),
    // Crisis help is shown even when the message could not be saved or was refused (no alert was
    // raised then), on the message as typed.
    onFailure: ({ text }) => ({ isCrisis: screenRiskLanguage(text ?? '').isHit }),
    run: async (input, { actor }) => {
      const sent = await sendCompanionMessage({ actor, input });
      if (sent.isCrisis) refreshInsightsAfterResponse(actor);
      revalidatePath('/companion');
      return { status: 'success' };
    },
  });
}

const shareTranscriptSchema = z.object({ conversationId: z.uuid(), share: z.string().optional() });

export async function shareTranscript(formData: FormData): Promise<void> {
  return formCommand(formData, {
    caller: 'client',
    schema: shareTranscriptSchema,
    refused: async () => revalidatePath('/companion'),
    run: async ({ conversationId, share }, { actor }) => {
      await setCompanionTranscriptShared({ actor, conversationId, isShared: share === '1' });
      revalidatePath('/companion');
    },
  });
}

const REMINDER_INVALID = 'Please check the reminder marked below.';

/** "Remind me later today / tomorrow at HH:MM": set only when the client presses the button. */
export async function setActivationReminder(_previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, {
    caller: 'client',
    schema: activationReminderSchema,
    read: (form) => ({ conversationId: form.get('conversationId') ?? '', day: form.get('day') ?? '', time: form.get('time') ?? '' }),
    invalid: REMINDER_INVALID,
    // Whatever stops the reminder (a time already past, one already planned) is said beside the time.
    onError: ({ message }) => ({ message: REMINDER_INVALID, fieldErrors: { time: message } }),
    run: async (input, { actor }) => {
      const planned = await planActivationReminder({ actor, input });
      revalidatePath('/companion');
      revalidatePath('/settings');
      return {
        status: 'success',
        message: `Reminder set for ${wallClockText(planned.localDate, planned.localTime)}. You can cancel it in Settings.`,
      };
    },
  });
}
