'use server';

import { requireRole } from '@/lib/auth/session';
import { saveJournalEntry } from '@/lib/dal/journal';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { toPublicError } from '@/lib/errors';
import type { JournalEntryInput } from '@/lib/validation/journal';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type SaveJournalResult = { ok: true; entryId: string; hasCrisisLanguage: boolean } | { ok: false; message: string; hasCrisisLanguage: boolean };

export async function saveJournal(input: JournalEntryInput): Promise<SaveJournalResult> {
  const user = await requireRole('client');
  try {
    const saved = await saveJournalEntry({ actor: user, input });
    // Only a crisis-language hit changes what the insights see of a journal.
    if (saved.hasCrisisLanguage) refreshInsightsAfterResponse(user);
    return { ok: true, ...saved };
  } catch (error) {
    // Help does not wait for the database: the screen the save runs decides whether to show it.
    return { ok: false, message: toPublicError(error).message, hasCrisisLanguage: typeof input?.text === 'string' && screenRiskLanguage(input.text).isHit };
  }
}
