import type { Instrument } from './instruments';

export type BandId = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe';

export interface Band {
  id: BandId;
  label: string;
  min: number;
  max: number;
  /** Plain words for the client: what the score says, never a diagnosis. */
  clientDescription: string;
}

// PHQ-9 bands: Kroenke, Spitzer & Williams 2001.
const PHQ9_BANDS: readonly Band[] = [
  {
    id: 'minimal',
    label: 'Minimal',
    min: 0,
    max: 4,
    clientDescription: 'Your answers show few or no signs of low mood over the last two weeks.',
  },
  { id: 'mild', label: 'Mild', min: 5, max: 9, clientDescription: 'Your answers show some signs of low mood over the last two weeks.' },
  {
    id: 'moderate',
    label: 'Moderate',
    min: 10,
    max: 14,
    clientDescription:
      'Your answers show a fair amount of low mood over the last two weeks, enough to be worth talking through with your therapist.',
  },
  {
    id: 'moderately_severe',
    label: 'Moderately severe',
    min: 15,
    max: 19,
    clientDescription: 'Your answers show a lot of low mood over the last two weeks, likely getting in the way of daily life.',
  },
  {
    id: 'severe',
    label: 'Severe',
    min: 20,
    max: 27,
    clientDescription:
      'Your answers show a great deal of low mood over the last two weeks. Your therapist will want to talk with you about this.',
  },
];

// GAD-7 bands: Spitzer et al. 2006.
const GAD7_BANDS: readonly Band[] = [
  {
    id: 'minimal',
    label: 'Minimal',
    min: 0,
    max: 4,
    clientDescription: 'Your answers show few or no signs of anxiety over the last two weeks.',
  },
  { id: 'mild', label: 'Mild', min: 5, max: 9, clientDescription: 'Your answers show some signs of anxiety over the last two weeks.' },
  {
    id: 'moderate',
    label: 'Moderate',
    min: 10,
    max: 14,
    clientDescription:
      'Your answers show a fair amount of anxiety over the last two weeks, enough to be worth talking through with your therapist.',
  },
  {
    id: 'severe',
    label: 'Severe',
    min: 15,
    max: 21,
    clientDescription:
      'Your answers show a great deal of anxiety over the last two weeks. Your therapist will want to talk with you about this.',
  },
];

/** Shown beside any score a client sees. */
export const SCORE_DISCLAIMER = 'A score is a snapshot of the last two weeks, not a diagnosis.';

export function bandsFor(instrument: Instrument): readonly Band[] {
  return instrument === 'phq9' ? PHQ9_BANDS : GAD7_BANDS;
}

export function bandFor(instrument: Instrument, total: number): Band {
  const band = bandsFor(instrument).find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`${total} is outside the ${instrument} score range`);
  return band;
}

/** Position of a band in severity order, for comparing two bands. */
export function bandRank(instrument: Instrument, id: BandId): number {
  return bandsFor(instrument).findIndex((b) => b.id === id);
}
