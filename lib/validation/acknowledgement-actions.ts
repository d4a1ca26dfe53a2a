// What a therapist did about an urgent alert: read by forms in the browser, so this file imports
// nothing (zod stays on the server; lib/validation/alerts.ts validates).
export const acknowledgementActions = ['contacted_client', 'safety_plan_reviewed', 'session_brought_forward', 'other'] as const;

export type AcknowledgementAction = (typeof acknowledgementActions)[number];

export const acknowledgementLabels: Record<AcknowledgementAction, string> = {
  contacted_client: 'Contacted the client',
  safety_plan_reviewed: 'Reviewed the safety plan',
  session_brought_forward: 'Brought the session forward',
  other: 'Something else',
};
