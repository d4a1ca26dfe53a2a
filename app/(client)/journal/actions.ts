'use server';

import { callAction } from '@/lib/actions/pipeline';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { saveJournalEntry } from '@/lib/dal/journal';
import { journalEntrySchema, type JournalEntryInput } from '@/lib/validation/journal';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type SaveJournalResult =
  { ok: true; entryId: string; hasCrisisLanguage: boolean } | { ok: false; message: string; hasCrisisLanguage: boolean };

export async function saveJournal(input: JournalEntryInput): Promise<SaveJournalResult> {
  return callAction(input, {
    caller: 'client',
    schema: journalEntrySchema,
    // Crisis help is shown even when the entry could not be saved (no alert was raised then).
    failed: ({ message }) => ({
      ok: false,
      message,
      hasCrisisLanguage: typeof input?.text === 'string' && screenRiskLanguage(input.text).isHit,
    }),
    run: async (entry, { actor }): Promise<SaveJournalResult> => {
      const saved = await saveJournalEntry({ actor, input: entry });
      // Only a risk-language hit changes what the insights see of a journal.
      if (saved.hasCrisisLanguage) refreshInsightsAfterResponse(actor);
      return { ok: true, ...saved };
    },
  });
}
