'use server';

import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { completeOnboarding } from '@/lib/dal/consent';
import { toPublicError } from '@/lib/errors';
import { onboardingSchema, scopeSchema } from '@/lib/validation/client-data';
import { formOf } from '@/lib/validation/form-state';

export type WelcomeState = { error?: string; timeZoneError?: string };

export async function finishWelcome(_prev: WelcomeState, formData: FormData): Promise<WelcomeState> {
  // Arguments come from the request as sent: anything else reads as empty.
  formData = formOf(formData);
  const user = await requireRole('client');
  const shares: Record<string, string[]> = {};
  for (const therapistId of formData.getAll('therapist')) shares[String(therapistId)] = [];
  for (const value of formData.getAll('share')) {
    const [therapistId, scope] = String(value).split(':');
    if (therapistId && scopeSchema.safeParse(scope).success) (shares[therapistId] ??= []).push(scope as string);
  }
  const parsed = onboardingSchema.safeParse({ timeZone: formData.get('timeZone'), shares });
  if (!parsed.success) {
    const tzIssue = parsed.error.issues.find((i) => i.path[0] === 'timeZone');
    return tzIssue ? { timeZoneError: tzIssue.message } : { error: 'Something in the form was not valid. Reload the page and try again.' };
  }
  try {
    await completeOnboarding({ actor: user, ...parsed.data });
  } catch (error) {
    return { error: toPublicError(error).message };
  }
  redirect('/check-in');
}
