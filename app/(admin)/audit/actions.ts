'use server';

import { requireRole } from '@/lib/auth/session';
import { verifyAuditChain } from '@/lib/dal/audit-log';
import { toPublicError } from '@/lib/errors';
import type { FormState } from '@/lib/validation/form-state';

const reasons = {
  missing_event: 'an event is missing (numbering jumps here)',
  wrong_previous_hash: 'it does not follow on from the event before it',
  altered_event: 'its contents were changed after it was written',
} as const;

export async function verifyChainAction(): Promise<FormState> {
  const user = await requireRole('admin');
  try {
    const report = await verifyAuditChain({ actor: user });
    if (report.isIntact) return { status: 'success', message: `The audit log is intact: all ${report.checked} events check out.` };
    const { seq, reason } = report.firstBreak;
    return {
      status: 'error',
      message: `The audit log has been tampered with. First broken link: event #${seq} — ${reasons[reason]}. The ${report.checked} events before it check out.`,
    };
  } catch (error) {
    return { status: 'error', message: toPublicError(error).message };
  }
}
