import { z } from '@/lib/validation/zod';
import { strictDecimal, strictInteger } from './calendar-day';

// Form fields arrive as strings; an empty optional field means "not answered".
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

const scale = (label: string) =>
  strictInteger(`Choose your ${label} from 1 to 10.`).pipe(
    z.number().min(1, `Choose your ${label} from 1 to 10.`).max(10, `Choose your ${label} from 1 to 10.`),
  );

export const tagSchema = z.string().trim().min(1, 'A tag needs at least one letter.').max(40, 'Keep each tag under 40 characters.');

export const checkInSchema = z.object({
  mood: scale('mood'),
  anxiety: z.preprocess(blank, scale('anxiety').optional()),
  energy: z.preprocess(blank, scale('energy').optional()),
  sleepHours: z.preprocess(
    blank,
    strictDecimal('Enter hours of sleep as a number, like 7 or 6.5.')
      .pipe(
        z
          .number()
          .min(0, 'Hours of sleep go from 0 to 24.')
          .max(24, 'Hours of sleep go from 0 to 24.')
          .multipleOf(0.1, 'Use at most one decimal place, like 6.5.'),
      )
      .optional(),
  ),
  tags: z
    .array(tagSchema)
    .max(40, 'Choose at most 40 tags.')
    .default([])
    .transform((tags) => [...new Set(tags)]),
  note: z.preprocess(blank, z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional()),
});

export type CheckInInput = z.input<typeof checkInSchema>;
export type CheckIn = z.output<typeof checkInSchema>;
