import { z } from '@/lib/validation/zod';
import { acknowledgementActions } from './alerts';
import { planDay } from './calendar-day';
import { dismissReasonLabels, dismissReasons, type DismissReason } from './form-choices';

export { dismissReasonLabels, dismissReasons, type DismissReason } from './form-choices';

const insightId = z.uuid('We could not find that signal.');

export const acceptInsightSchema = z
  .object({
    action: z.literal('accept'),
    insightId,
    addToPlan: z.enum(['on']).optional(),
    planItem: z.enum(['problem', 'goal']).default('problem'),
    planText: z.string().trim().max(500, 'Keep it to 500 characters.').optional(),
    planMeasure: z.string().trim().max(300, 'Keep it to 300 characters.').optional(),
    planTargetDate: z.union([z.literal(''), planDay('Give the target date as a date.')]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.addToPlan !== 'on') return;
    if (!v.planText)
      ctx.addIssue({ code: 'custom', path: ['planText'], message: `Describe the ${v.planItem} this signal is evidence for.` });
    if (v.planItem !== 'goal') return;
    if (!v.planMeasure) ctx.addIssue({ code: 'custom', path: ['planMeasure'], message: 'Say how the goal is measured.' });
    if (!v.planTargetDate) ctx.addIssue({ code: 'custom', path: ['planTargetDate'], message: 'Give the goal a target date.' });
  });

export const dismissInsightSchema = z
  .object({
    action: z.literal('dismiss'),
    insightId,
    reason: z.enum(dismissReasons, 'Choose why you are dismissing this signal.'),
    reasonText: z.string().trim().max(800, 'Keep the reason to 800 characters.').optional(),
  })
  .refine((v) => v.reason !== 'other' || (v.reasonText ?? '').length > 0, {
    path: ['reasonText'],
    message: 'Say in a few words why.',
  });

export const snoozeInsightSchema = z.object({
  action: z.literal('snooze'),
  insightId,
  until: planDay('Choose the date the signal should come back.'),
});

// An urgent signal (PHQ-9 item 9, risk language) is settled by recording what was done, as for its alert.
export const acknowledgeInsightSchema = z
  .object({
    action: z.literal('acknowledge'),
    insightId,
    ackAction: z.enum(acknowledgementActions, 'Choose what you did.'),
    ackNote: z.string().trim().max(2000, 'Keep the note to 2,000 characters.').optional(),
  })
  .refine((v) => v.ackAction !== 'other' || (v.ackNote ?? '').length > 0, {
    path: ['ackNote'],
    message: 'Say in a few words what you did.',
  });

export const insightReviewSchema = z.discriminatedUnion(
  'action',
  [acceptInsightSchema, dismissInsightSchema, snoozeInsightSchema, acknowledgeInsightSchema],
  'Choose what to do with this signal.',
);

export type InsightReviewInput = z.input<typeof insightReviewSchema>;

/** The stored reason of a dismissal: the label, with the therapist's words after it when given. */
export function dismissalText(reason: DismissReason, reasonText?: string): string {
  const words = reasonText?.trim();
  return words ? `${dismissReasonLabels[reason]}: ${words}` : dismissReasonLabels[reason];
}
