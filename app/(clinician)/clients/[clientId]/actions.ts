'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/pipeline';
import { reviewInsight } from '@/lib/dal/insight-reviews';
import { insightReviewSchema } from '@/lib/validation/insight-review';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

// The client is named by the page; the review itself says which signal and what was decided.
const signalReviewSchema = z.object({ clientId: z.string() }).and(insightReviewSchema);

export async function reviewSignal(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'therapist',
    schema: signalReviewSchema,
    invalid: 'Please check the answer marked below.',
    onError: ({ code, message }, input) =>
      code === 'bad_request:input' && input.action === 'snooze' ? { fieldErrors: { until: message } } : undefined,
    run: async ({ clientId, ...input }, { actor }) => {
      const { carePlanVersion } = await reviewInsight({ actor, clientId, input });
      revalidatePath(`/clients/${clientId}`, 'layout');
      const message = carePlanVersion
        ? `Accepted and added to the care plan (version ${carePlanVersion}).`
        : input.action === 'acknowledge'
          ? 'Recorded. The urgent alert is acknowledged too.'
          : 'Review saved.';
      return { status: 'success', message };
    },
  });
}
