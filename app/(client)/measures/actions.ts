'use server';

import { callAction } from '@/lib/actions/pipeline';
import { recordMeasure, type MeasureResult } from '@/lib/dal/measures';
import { measureSchema, type MeasureInput } from '@/lib/validation/measure';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type SubmitMeasureResult = { ok: true; result: MeasureResult } | { ok: false; message: string };

export async function submitMeasure(input: MeasureInput): Promise<SubmitMeasureResult> {
  return callAction(input, {
    caller: 'client',
    schema: measureSchema,
    failed: ({ message }) => ({ ok: false, message }),
    run: async (answers, { actor }): Promise<SubmitMeasureResult> => {
      const result = await recordMeasure({ actor, input: answers });
      refreshInsightsAfterResponse(actor);
      return { ok: true, result };
    },
  });
}
