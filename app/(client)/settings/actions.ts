'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction, formCommand } from '@/lib/actions/pipeline';
import { deleteMyAccount, updatePhone, updateTimeZone } from '@/lib/dal/account';
import { cancelPause, createPause } from '@/lib/dal/pauses';
import { addDays, localDateIn } from '@/lib/dates';
import { timeZoneSchema } from '@/lib/validation/calendar-day';
import { deleteAccountSchema, pauseSchema } from '@/lib/validation/client-data';
import type { FormState } from '@/lib/validation/form-state';
import { contactSchema } from '@/lib/validation/phone';
import { z } from '@/lib/validation/zod';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export async function startPause(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: pauseSchema,
    invalid: (fieldErrors) => fieldErrors.until,
    run: async ({ until }, { actor, values }) => {
      const today = localDateIn(actor.timeZone);
      const refusal =
        until < today
          ? 'Choose today or a later day.'
          : until > addDays(today, 365)
            ? 'A break can last up to a year. Choose an earlier day.'
            : null;
      if (refusal) return { status: 'error', message: refusal, fieldErrors: { until: refusal }, values };
      await createPause({ actor, startsOn: today, endsOn: until });
      // A break silences disengagement signals: recompute now, not at the next check-in.
      refreshInsightsAfterResponse(actor);
      revalidatePath('/settings');
      return { status: 'success' };
    },
  });
}

const endPauseSchema = z.object({ pauseId: z.uuid() });

export async function endPause(formData: FormData): Promise<void> {
  return formCommand(formData, {
    caller: 'client',
    schema: endPauseSchema,
    refused: async () => revalidatePath('/settings'),
    run: async ({ pauseId }, { actor }) => {
      await cancelPause({ actor, pauseId });
      refreshInsightsAfterResponse(actor);
      revalidatePath('/settings');
    },
  });
}

export async function deleteAccount(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: deleteAccountSchema,
    secret: ['password'],
    // Each field says what is missing; there is nothing to add above them.
    invalid: () => undefined,
    run: async ({ password }, { actor }) => {
      const isDeleted = await deleteMyAccount({ actor, password });
      if (!isDeleted) return { status: 'error', fieldErrors: { password: 'That password is not right. Nothing was deleted.' } };
      redirect('/sign-in?reason=account-deleted');
    },
  });
}

const timeZoneFormSchema = z.object({ timeZone: timeZoneSchema });

export async function saveTimeZone(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: timeZoneFormSchema,
    invalid: (fieldErrors) => fieldErrors.timeZone,
    run: async ({ timeZone }, { actor }) => {
      await updateTimeZone({ actor, timeZone });
      revalidatePath('/', 'layout');
      return { status: 'success', message: 'Saved.' };
    },
  });
}

export async function savePhone(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'client',
    schema: contactSchema,
    invalid: 'Please check the number.',
    run: async ({ phone }, { actor }) => {
      await updatePhone({ actor, phone: phone ?? '' });
      revalidatePath('/settings');
      return { status: 'success', message: phone ? 'Saved.' : 'Your phone number is removed.' };
    },
  });
}
