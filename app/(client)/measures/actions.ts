'use server';

import { requireRole } from '@/lib/auth/session';
import { recordMeasure, type MeasureResult } from '@/lib/dal/measures';
import { toPublicError } from '@/lib/errors';
import type { MeasureInput } from '@/lib/validation/measure';
import { refreshInsightsAfterResponse } from '../refresh-insights';

export type SubmitMeasureResult = { ok: true; result: MeasureResult } | { ok: false; message: string };

export async function submitMeasure(input: MeasureInput): Promise<SubmitMeasureResult> {
  const user = await requireRole('client');
  try {
    const result = await recordMeasure({ actor: user, input });
    refreshInsightsAfterResponse(user);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, message: toPublicError(error).message };
  }
}
