export type Instrument = 'phq9' | 'gad7';

export const INSTRUMENTS: readonly Instrument[] = ['phq9', 'gad7'];

export interface AnswerOption {
  value: 0 | 1 | 2 | 3;
  label: string;
}

/** Frequency answers shared by PHQ-9 and GAD-7 items, scored 0–3. */
export const FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/** The unscored functional-difficulty question that closes both questionnaires. */
export const DIFFICULTY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not difficult at all' },
  { value: 1, label: 'Somewhat difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Extremely difficult' },
];

export interface InstrumentDefinition {
  id: Instrument;
  name: string;
  stem: string;
  items: readonly string[];
  difficultyQuestion: string;
  maxScore: number;
  /** LOINC codes for FHIR export. */
  loinc: { panel: string; total: string; item9?: string };
}

// Published wording of the Patient Health Questionnaire (Kroenke, Spitzer & Williams 2001) and
// GAD-7 (Spitzer et al. 2006), developed with a grant from Pfizer; no permission is required to
// reproduce them. LOINC codes from DESIGN.md §4.
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
  loinc: { panel: '44249-1', total: '44261-6', item9: '44260-8' },
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
  loinc: { panel: '69737-5', total: '70274-6' },
};

export function instrumentDefinition(instrument: Instrument): InstrumentDefinition {
  return instrument === 'phq9' ? PHQ9 : GAD7;
}
