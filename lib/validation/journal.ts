import { z } from '@/lib/validation/zod';

export const JOURNAL_MAX_CHARS = 20_000;

export const journalEntrySchema = z.object({
  entryId: z.uuid().optional(),
  text: z.string().max(JOURNAL_MAX_CHARS, 'An entry can hold up to 20,000 characters: start a new one to go on.'),
});

export type JournalEntryInput = z.input<typeof journalEntrySchema>;
