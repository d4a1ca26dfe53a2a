'use server';

import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { revalidatePath } from 'next/cache';
import { requireRole } from '@/lib/auth/session';
import { reviewInsight } from '@/lib/dal/insight-reviews';
import { toPublicError } from '@/lib/errors';
import { insightReviewSchema } from '@/lib/validation/insight-review';
import { formOf, type FormState, typedValues } from '@/lib/validation/form-state';

export async function reviewSignal(_prev: FormState, form: FormData): Promise<FormState> {
  // Arguments come from the request as sent: anything else reads as empty.
  form = formOf(form);
  const user = await requireRole('therapist');
  const values = typedValues(form);
  const clientId = values.clientId ?? '';
  const parsed = insightReviewSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (!values.action) fieldErrors.action = 'Choose what to do with this signal.';
    return { status: 'error', message: 'Please check the answer marked below.', fieldErrors, values };
  }
  try {
    const { carePlanVersion } = await reviewInsight({ actor: user, clientId, input: parsed.data });
    revalidatePath(`/clients/${clientId}`, 'layout');
    const message = carePlanVersion
      ? `Accepted and added to the care plan (version ${carePlanVersion}).`
      : parsed.data.action === 'acknowledge'
        ? 'Recorded. The urgent alert is acknowledged too.'
        : 'Review saved.';
    return { status: 'success', message };
  } catch (error) {
    const { message, code } = toPublicError(error);
    const fieldErrors = code === 'bad_request:input' && parsed.data.action === 'snooze' ? { until: message } : undefined;
    return { status: 'error', message, fieldErrors, values };
  }
}
