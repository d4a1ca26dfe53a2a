import { z } from '@/lib/validation/zod';
import { acknowledgementActions, acknowledgementLabels, type AcknowledgementAction } from './form-choices';

export { acknowledgementActions, acknowledgementLabels, type AcknowledgementAction } from './form-choices';

/** A short quotation of an acknowledgement in a signal's review: the full note stays on the alert. */
const REVIEW_REASON_MAX = 900;

/** The stored reason of an urgent signal settled by acknowledging its alert. */
export function acknowledgementText(action: AcknowledgementAction, note: string | null): string {
  const text = note
    ? `Alert acknowledged: ${acknowledgementLabels[action]} — ${note}`
    : `Alert acknowledged: ${acknowledgementLabels[action]}`;
  return text.length > REVIEW_REASON_MAX ? `${text.slice(0, REVIEW_REASON_MAX - 1)}…` : text;
}

export const alertAcknowledgementSchema = z
  .object({
    alertId: z.uuid('We could not find that alert.'),
    action: z.enum(acknowledgementActions, 'Choose what you did.'),
    note: z.string().trim().max(2000, 'Keep the note to 2,000 characters.').optional(),
  })
  .refine((v) => v.action !== 'other' || (v.note ?? '').length > 0, {
    path: ['note'],
    message: 'Say in a few words what you did.',
  });

export type AlertAcknowledgementInput = z.input<typeof alertAcknowledgementSchema>;
