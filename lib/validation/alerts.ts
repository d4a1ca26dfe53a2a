import { z } from 'zod';

export const acknowledgementActions = ['contacted_client', 'safety_plan_reviewed', 'session_brought_forward', 'other'] as const;

export const acknowledgementLabels: Record<(typeof acknowledgementActions)[number], string> = {
  contacted_client: 'Contacted the client',
  safety_plan_reviewed: 'Reviewed the safety plan',
  session_brought_forward: 'Brought the session forward',
  other: 'Something else',
};

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
