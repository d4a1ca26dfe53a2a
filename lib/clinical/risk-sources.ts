// Where an urgent alert came from, in the words a therapist reads (docs/design.md §5): a PHQ-9 answer, or
// risk language the screen found in a journal entry, a check-in note or a message to the companion.
export type RiskSource = 'measure' | 'journal' | 'check_in_note' | 'companion';

export const RISK_SOURCE_WORDS: Record<RiskSource, string> = {
  measure: 'a PHQ-9',
  journal: 'a journal entry',
  check_in_note: 'a check-in note',
  companion: 'a message to the companion',
};
