// The fixed choices that forms offer in the browser, with their labels. Read by client components,
// so this file imports nothing (zod stays on the server: lib/validation/alerts.ts and
// lib/validation/insight-review.ts validate against these lists).

/** What a therapist did about an urgent alert. */
export const acknowledgementActions = ['contacted_client', 'safety_plan_reviewed', 'session_brought_forward', 'other'] as const;
export type AcknowledgementAction = (typeof acknowledgementActions)[number];
export const acknowledgementLabels: Record<AcknowledgementAction, string> = {
  contacted_client: 'Contacted the client',
  safety_plan_reviewed: 'Reviewed the safety plan',
  session_brought_forward: 'Brought the session forward',
  other: 'Something else',
};

/** Why a therapist dismisses a signal. */
export const dismissReasons = ['not_clinically_relevant', 'already_known', 'data_artefact', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];
export const dismissReasonLabels: Record<DismissReason, string> = {
  not_clinically_relevant: 'Not clinically relevant',
  already_known: 'Already known and being addressed',
  data_artefact: 'Reflects how the data was logged, not a change',
  other: 'Something else',
};
