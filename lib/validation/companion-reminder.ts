import { z } from '@/lib/validation/zod';
import { ONE_OFF_DAYS } from '@/lib/outreach/schedule';

/** "Remind me later today / tomorrow at HH:MM" for the small thing just planned with the companion. */
export const activationReminderSchema = z.object({
  conversationId: z.uuid('We could not find that conversation.'),
  day: z.enum(ONE_OFF_DAYS, 'Choose later today or tomorrow.'),
  time: z
    .string()
    .max(5, 'Enter a time like 17:30.')
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Enter a time like 17:30.'),
});
export type ActivationReminderInput = z.infer<typeof activationReminderSchema>;
