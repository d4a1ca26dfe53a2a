import { z } from '@/lib/validation/zod';
import { DATE_FORMATS } from '@/lib/import/date-formats';
import { isCalendarDay, planDay, timeZoneSchema } from './calendar-day';

export const scopeSchema = z.enum(['checkins', 'journal', 'measures', 'companion']);

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.')
  .refine(isCalendarDay, 'Enter a real date.');
/** The last day of sharing or of a break: a real day, up to five years ahead. */
const untilDay = isoDateSchema.pipe(planDay('Enter a real date.'));

export const shareScopeSchema = z.object({
  therapistId: z.uuid(),
  scope: scopeSchema,
  /** Optional last day of sharing, in the client's own time zone. */
  until: z.union([z.literal(''), untilDay]).optional(),
});
export type ShareScopeInput = z.infer<typeof shareScopeSchema>;

export const stopScopeSchema = z.object({ therapistId: z.uuid(), scope: scopeSchema });
export type StopScopeInput = z.infer<typeof stopScopeSchema>;

export const onboardingSchema = z.object({
  timeZone: timeZoneSchema,
  shares: z.record(z.uuid(), z.array(scopeSchema)),
});
export type OnboardingInput = z.infer<typeof onboardingSchema>;

export const pauseSchema = z.object({ until: untilDay });
export type PauseInput = z.infer<typeof pauseSchema>;

export const deleteAccountSchema = z.object({
  password: z.string().min(1, 'Enter your password to confirm.').max(1024),
  confirm: z.literal('on', { error: 'Tick the box to confirm that you understand.' }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const columnName = z.string().trim().min(1, 'Choose a column.').max(200);

/** How the person reads a CSV that is no tracker Tandem knows (see lib/import/generic-csv.ts). */
export const csvMappingSchema = z.object({
  dateColumn: columnName,
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose how the dates are written.' }),
  timeColumn: columnName.nullable(),
  moodColumn: columnName,
  moodScale: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('numbers'),
      min: z.number({ error: 'Give the lowest mood as a number.' }).finite(),
      max: z.number({ error: 'Give the highest mood as a number.' }).finite(),
    }),
    z.object({ kind: z.literal('labels') }),
  ]),
  noteColumn: columnName.nullable(),
  tagsColumn: columnName.nullable(),
  tagSeparator: z.string().max(10),
});

export const checkInImportSchema = z.object({
  csv: z.string().min(1, 'Choose a file.').max(MAX_IMPORT_BYTES, 'The file is larger than 10 MB.'),
  /** Present when the file is no tracker Tandem recognises and the person mapped its columns. */
  csvMapping: csvMappingSchema.optional(),
  /** Mood label (lower-cased) to a mood from 1 to 10; absent on the preview step. */
  mapping: z.record(z.string().max(200), z.number().int().min(1).max(10)).optional(),
});
export type CheckInImportInput = z.infer<typeof checkInImportSchema>;

export const exportFormatSchema = z.enum(['json', 'csv', 'fhir']);
