'use server';

import { notFound, redirect } from 'next/navigation';
import { formAction, formCommand } from '@/lib/actions/pipeline';
import { recordCheckIn, setTimeZone, updateCheckIn, deleteCheckIn } from '@/lib/dal/check-ins';
import { screenRiskLanguage } from '@/lib/clinical/risk-language';
import { TandemError } from '@/lib/errors';
import { timeZoneSchema } from '@/lib/validation/calendar-day';
import { checkInSchema } from '@/lib/validation/check-in';
import { refreshInsightsAfterResponse, scheduleNudgeAfterResponse } from '../refresh-insights';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

export type CheckInFormState = FormState & {
  /** The note speaks of risk: the crisis resources show even though saving failed. */
  hasRiskLanguage?: boolean;
};

// The check-in's own fields, and the check-in it changes when it is an edit.
const checkInFormSchema = checkInSchema.extend({ checkInId: z.string() });

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
    checkInId: text('checkInId'),
  };
}

export async function saveCheckIn(_prev: CheckInFormState, formData: FormData): Promise<CheckInFormState> {
  return formAction<typeof checkInFormSchema, 'client', CheckInFormState>(formData, {
    caller: 'client',
    schema: checkInFormSchema,
    read: readForm,
    invalid: 'Please check the answers marked below.',
    // Help does not wait for the database, nor for a valid form: the same screen the save runs
    // decides whether to show it, on the note as typed.
    onFailure: ({ note }) => ({ hasRiskLanguage: screenRiskLanguage(note ?? '').isHit }),
    run: async ({ checkInId, ...input }, { actor }) => {
      const isUpdate = checkInId.length > 0;
      const saved = isUpdate ? await updateCheckIn({ actor, checkInId, input }) : await recordCheckIn({ actor, input });
      refreshInsightsAfterResponse(actor);
      if (!isUpdate) scheduleNudgeAfterResponse(actor);
      redirect(`/check-in?saved=${isUpdate ? 'updated' : 'new'}${saved.hasRiskLanguage ? '&support=1' : ''}`);
    },
  });
}

const removeCheckInSchema = z.object({ checkInId: z.string().default('') });

export async function removeCheckIn(formData: FormData): Promise<void> {
  return formCommand(formData, {
    caller: 'client',
    schema: removeCheckInSchema,
    refused: async () => notFound(),
    run: async ({ checkInId }, { actor }) => {
      try {
        await deleteCheckIn({ actor, checkInId });
      } catch (error) {
        if (error instanceof TandemError && error.status === 404) notFound();
        throw error;
      }
      refreshInsightsAfterResponse(actor);
      redirect('/check-in?saved=deleted');
    },
  });
}

const confirmTimeZoneSchema = z.object({ timeZone: timeZoneSchema });

export async function confirmTimeZone(formData: FormData): Promise<void> {
  return formCommand(formData, {
    caller: 'client',
    schema: confirmTimeZoneSchema,
    refused: async () => redirect('/check-in?saved=time-zone-invalid'),
    run: async ({ timeZone }, { actor }) => {
      await setTimeZone({ actor, timeZone });
      redirect('/check-in?saved=time-zone');
    },
  });
}
