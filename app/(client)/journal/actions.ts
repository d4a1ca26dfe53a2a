'use server';

import { requireRole } from '@/lib/auth/session';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { saveJournalEntry } from '@/lib/dal/journal';
import { toPublicError } from '@/lib/errors';
import type { JournalEntryInput } from '@/lib/validation/journal';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type SaveJournalResult =
  { ok: true; entryId: string; hasCrisisLanguage: boolean } | { ok: false; message: string; hasCrisisLanguage: boolean };

export async function saveJournal(input: JournalEntryInput): Promise<SaveJournalResult> {
  const user = await requireRole('client');
  try {
    const saved = await saveJournalEntry({ actor: user, input });
    // Only a risk-language hit changes what the insights see of a journal.
    if (saved.hasCrisisLanguage) refreshInsightsAfterResponse(user);
    return { ok: true, ...saved };
  } catch (error) {
    // Crisis help is shown even when the entry could not be saved (no alert was raised then).
    const hasCrisisLanguage = typeof input?.text === 'string' && screenRiskLanguage(input.text).isHit;
    return { ok: false, message: toPublicError(error).message, hasCrisisLanguage };
  }
}
