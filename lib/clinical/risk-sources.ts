// Where an urgent alert came from, in the words a therapist reads (DESIGN §5): a PHQ-9 answer, or
// risk language the screen found in a journal entry or a check-in note.
export type RiskSource = 'measure' | 'journal' | 'check_in_note';

export const RISK_SOURCE_WORDS: Record<RiskSource, string> = {
  measure: 'a PHQ-9',
  journal: 'a journal entry',
  check_in_note: 'a check-in note',
};
