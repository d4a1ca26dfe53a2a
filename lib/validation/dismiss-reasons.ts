// Why a therapist dismisses a signal: read by the review form in the browser, so this file
// imports nothing (zod stays on the server; lib/validation/insight-review.ts validates).
export const dismissReasons = ['not_clinically_relevant', 'already_known', 'data_artefact', 'other'] as const;
export type DismissReason = (typeof dismissReasons)[number];

export const dismissReasonLabels: Record<DismissReason, string> = {
  not_clinically_relevant: 'Not clinically relevant',
  already_known: 'Already known and being addressed',
  data_artefact: 'Reflects how the data was logged, not a change',
  other: 'Something else',
};
