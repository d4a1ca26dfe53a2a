import { z } from '@/lib/validation/zod';

const answer = z.number().int().min(0).max(3);

// PHQ-9 has 9 items, GAD-7 has 7, each 0–3 (Kroenke 2001; Spitzer 2006); the difficulty question
// is optional and unscored.
export const measureSchema = z.discriminatedUnion('instrument', [
  z.object({
    instrument: z.literal('phq9'),
    items: z.array(answer).length(9, 'Answer all 9 questions.'),
    difficulty: answer.nullable().default(null),
  }),
  z.object({
    instrument: z.literal('gad7'),
    items: z.array(answer).length(7, 'Answer all 7 questions.'),
    difficulty: answer.nullable().default(null),
  }),
]);

export type MeasureInput = z.input<typeof measureSchema>;
export type Measure = z.output<typeof measureSchema>;
