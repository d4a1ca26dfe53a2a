export type Instrument = 'phq9' | 'gad7';

export const INSTRUMENTS: readonly Instrument[] = ['phq9', 'gad7'];

export interface AnswerOption {
  value: 0 | 1 | 2 | 3;
  label: string;
  /** The LOINC answer code (LA…), for FHIR export. */
  loinc: string;
}

// Answer codes from LOINC answer lists LL358-3 (frequency) and LL359-1 (difficulty), as used by
// the LOINC PHQ-9 (44249-1) and GAD-7 (69737-5) panels. Note that "Very difficult" is LA6575-0
// and "Extremely difficult" LA6574-3: the codes are not in score order.

/** Frequency answers shared by PHQ-9 and GAD-7 items, scored 0–3. */
export const FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { value: 1, label: 'Several days', loinc: 'LA6569-3' },
  { value: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { value: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
];

/** The unscored functional-difficulty question that closes both questionnaires. */
export const DIFFICULTY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not difficult at all', loinc: 'LA6572-7' },
  { value: 1, label: 'Somewhat difficult', loinc: 'LA6573-5' },
  { value: 2, label: 'Very difficult', loinc: 'LA6575-0' },
  { value: 3, label: 'Extremely difficult', loinc: 'LA6574-3' },
];

export interface InstrumentDefinition {
  id: Instrument;
  name: string;
  stem: string;
  items: readonly string[];
  difficultyQuestion: string;
  maxScore: number;
  /** LOINC codes for FHIR export: the panel, its total score, each item in order, the difficulty question. */
  loinc: { panel: string; total: string; items: readonly string[]; difficulty: string };
}

// Published wording of the Patient Health Questionnaire (Kroenke, Spitzer & Williams 2001) and
// GAD-7 (Spitzer et al. 2006), developed with a grant from Pfizer; no permission is required to
// reproduce them. LOINC codes from the LOINC panels 44249-1 (PHQ-9) and 69737-5 (GAD-7)
// (https://loinc.org/44249-1, https://loinc.org/69737-5); item 9 of PHQ-9 is 44260-8 (docs/design.md §4).
// Both panels ask the difficulty question as 69722-7.
export const PHQ9: InstrumentDefinition = {
  id: 'phq9',
  name: 'PHQ-9',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  difficultyQuestion:
    'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
  maxScore: 27,
  loinc: {
    panel: '44249-1',
    total: '44261-6',
    items: ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'],
    difficulty: '69722-7',
  },
};

export const GAD7: InstrumentDefinition = {
  id: 'gad7',
  name: 'GAD-7',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    "Being so restless that it's hard to sit still",
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ],
  difficultyQuestion:
    'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
  maxScore: 21,
  loinc: {
    panel: '69737-5',
    total: '70274-6',
    items: ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'],
    difficulty: '69722-7',
  },
};

export function instrumentDefinition(instrument: Instrument): InstrumentDefinition {
  return instrument === 'phq9' ? PHQ9 : GAD7;
}

/** One answered item as the therapist reads it: the published wording and the answer's label. */
export type AnsweredItem = { number: number; question: string; answer: number; answerLabel: string; isItem9: boolean };

/** A questionnaire's answers (0–3, in item order) with each item's wording; PHQ-9 item 9 is the risk item. */
export function answeredItems(instrument: Instrument, answers: readonly number[]): AnsweredItem[] {
  const definition = instrumentDefinition(instrument);
  return answers.map((answer, index) => ({
    number: index + 1,
    question: definition.items[index] ?? `Item ${index + 1}`,
    answer,
    answerLabel: FREQUENCY_OPTIONS[answer]?.label ?? String(answer),
    isItem9: instrument === 'phq9' && index === 8,
  }));
}
