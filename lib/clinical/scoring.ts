import { instrumentDefinition, type Instrument } from './instruments';

export class InvalidAnswersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAnswersError';
  }
}

/** Throws unless `items` holds one whole answer 0–3 for each scored item of the instrument. */
export function assertValidItems(instrument: Instrument, items: readonly number[]): void {
  const expected = instrumentDefinition(instrument).items.length;
  if (items.length !== expected) {
    throw new InvalidAnswersError(`${instrument} needs ${expected} answers, got ${items.length}`);
  }
  items.forEach((answer, i) => {
    if (!Number.isInteger(answer) || answer < 0 || answer > 3) {
      throw new InvalidAnswersError(`${instrument} item ${i + 1} must be 0, 1, 2 or 3`);
    }
  });
}

/** Total score: the sum of the item answers (PHQ-9 0–27, GAD-7 0–21). */
export function totalScore(instrument: Instrument, items: readonly number[]): number {
  assertValidItems(instrument, items);
  return items.reduce((a, b) => a + b, 0);
}

/** The PHQ-9 item-9 answer (thoughts of being better off dead or of self-harm). */
export function item9Answer(items: readonly number[]): number {
  assertValidItems('phq9', items);
  return items[8] as number;
}

/** Any answer above 0 on PHQ-9 item 9 raises an urgent alert; 0 does not mean "no risk" (docs/design.md §4). */
export function hasItem9Risk(items: readonly number[]): boolean {
  return item9Answer(items) > 0;
}
