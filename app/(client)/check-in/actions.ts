'use server';

import { notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { recordCheckIn, setTimeZone, updateCheckIn, deleteCheckIn } from '@/lib/dal/check-ins';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { TandemError, toPublicError } from '@/lib/errors';
import { checkInSchema } from '@/lib/validation/check-in';
import { refreshInsightsAfterResponse, scheduleNudgeAfterResponse } from '../refresh-insights';
import { formOf } from '@/lib/validation/form-state';

export type CheckInFormState = {
  fieldErrors: Partial<Record<'mood' | 'anxiety' | 'energy' | 'sleepHours' | 'tags' | 'note', string>>;
  message?: string;
  /** The note speaks of risk: the crisis resources show even though saving failed. */
  hasRiskLanguage?: boolean;
};

function readForm(formData: FormData) {
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === 'string' ? v : '';
  };
  return {
    mood: text('mood'),
    anxiety: text('anxiety'),
    energy: text('energy'),
    sleepHours: text('sleepHours'),
    tags: formData.getAll('tags').filter((t): t is string => typeof t === 'string'),
    note: text('note'),
  };
}

export async function saveCheckIn(_prev: CheckInFormState, formData: FormData): Promise<CheckInFormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const input = readForm(formData);
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: CheckInFormState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof CheckInFormState['fieldErrors'];
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, message: 'Please check the answers marked below.' };
  }
  const checkInId = formData.get('checkInId');
  let destination: string;
  let isNew = false;
  try {
    const isUpdate = typeof checkInId === 'string' && checkInId.length > 0;
    const saved = isUpdate ? await updateCheckIn({ actor: user, checkInId, input }) : await recordCheckIn({ actor: user, input });
    destination = `/check-in?saved=${isUpdate ? 'updated' : 'new'}${saved.hasRiskLanguage ? '&support=1' : ''}`;
    isNew = !isUpdate;
  } catch (error) {
    // Help does not wait for the database: the same screen the save runs decides whether to show it.
    return { fieldErrors: {}, message: toPublicError(error).message, hasRiskLanguage: screenRiskLanguage(parsed.data.note ?? '').isHit };
  }
  refreshInsightsAfterResponse(user);
  if (isNew) scheduleNudgeAfterResponse(user);
  redirect(destination);
}

export async function removeCheckIn(formData: FormData): Promise<void> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const checkInId = formData.get('checkInId');
  try {
    await deleteCheckIn({ actor: user, checkInId: typeof checkInId === 'string' ? checkInId : '' });
  } catch (error) {
    if (error instanceof TandemError && error.status === 404) notFound();
    throw error;
  }
  refreshInsightsAfterResponse(user);
  redirect('/check-in?saved=deleted');
}

export async function confirmTimeZone(formData: FormData): Promise<void> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const timeZone = formData.get('timeZone');
  try {
    await setTimeZone({ actor: user, timeZone: typeof timeZone === 'string' ? timeZone : '' });
  } catch (error) {
    if (error instanceof TandemError && error.code === 'bad_request:input') redirect('/check-in?saved=time-zone-invalid');
    throw error;
  }
  redirect('/check-in?saved=time-zone');
}
