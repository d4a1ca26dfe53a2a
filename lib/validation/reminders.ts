import { z } from '@/lib/validation/zod';

const wallTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Enter a time like 20:00.');
const optionalWallTime = z.union([z.literal(''), wallTime]);

/** The client's reminder choices as the settings form sends them (checkboxes are "on" or absent). */
export const reminderSettingsSchema = z
  .object({
    checkinEnabled: z.boolean(),
    firstTime: wallTime,
    secondTime: optionalWallTime,
    weekdays: z.array(z.coerce.number().int().min(1).max(7)).min(1, 'Choose at least one day.'),
    quietStart: optionalWallTime,
    quietEnd: optionalWallTime,
    measureEnabled: z.boolean(),
    nudgesEnabled: z.boolean(),
    emailAllowed: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.secondTime && v.secondTime === v.firstTime)
      ctx.addIssue({ code: 'custom', path: ['secondTime'], message: 'Choose a different time from the first, or leave it empty.' });
    if ((v.quietStart === '') !== (v.quietEnd === ''))
      ctx.addIssue({
        code: 'custom',
        path: [v.quietStart ? 'quietEnd' : 'quietStart'],
        message: 'Give both the start and the end of quiet hours, or neither.',
      });
    if (v.quietStart && v.quietStart === v.quietEnd)
      ctx.addIssue({ code: 'custom', path: ['quietEnd'], message: 'Quiet hours need to end at a different time than they start.' });
  });
export type ReminderSettingsInput = z.infer<typeof reminderSettingsSchema>;

/** A browser's PushSubscription as `toJSON()` gives it. */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .url()
    .max(2000)
    .refine((u) => /^https?:\/\//.test(u), 'A push address must be a web address.'),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;
