'use server';

import { requireRole } from '@/lib/auth/session';
import { saveJournalEntry } from '@/lib/dal/journal';
import { toPublicError } from '@/lib/errors';
import type { JournalEntryInput } from '@/lib/validation/journal';

export type SaveJournalResult = { ok: true; entryId: string; hasCrisisLanguage: boolean } | { ok: false; message: string };

export async function saveJournal(input: JournalEntryInput): Promise<SaveJournalResult> {
  const user = await requireRole('client');
  try {
    return { ok: true, ...(await saveJournalEntry({ actor: user, input })) };
  } catch (error) {
    return { ok: false, message: toPublicError(error).message };
  }
}
