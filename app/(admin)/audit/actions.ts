'use server';

import { formAction } from '@/lib/actions/pipeline';
import { checkpointFileSchema, type CheckpointProblem } from '@/lib/audit/checkpoints';
import type { ChainBreak } from '@/lib/audit/verify-chain';
import { verifyAuditChain } from '@/lib/dal/audit-log';
import type { FormState } from '@/lib/validation/form-state';
import { z } from '@/lib/validation/zod';

const reasons: Record<ChainBreak['reason'], string> = {
  missing_event: 'an event is missing (numbering jumps here)',
  wrong_previous_hash: 'it does not follow on from the event before it',
  altered_event: 'its contents were changed after it was written',
};

const checkpointReasons: Record<CheckpointProblem['reason'], string> = {
  forged_checkpoint: 'was not signed by this Tandem’s audit key (forged or altered)',
  events_removed: 'names an event that is no longer there: the newest events were deleted',
  chain_rewritten: 'names an event whose hash has changed: the log was edited and re-hashed',
};

/** The checkpoint file the admin kept, if they chose one. */
const verifyChainSchema = z.object({ checkpoints: z.instanceof(File).optional() });

async function readKeptCheckpoints(file: File | undefined) {
  if (!file) return { kept: undefined };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { error: 'That file is not a Tandem checkpoint file (it is not JSON).' };
  }
  const parsed = checkpointFileSchema.safeParse(json);
  return parsed.success ? { kept: parsed.data } : { error: 'That file is not a Tandem checkpoint file.' };
}

export async function verifyChainAction(_previous: FormState, form?: FormData): Promise<FormState> {
  return formAction(form, {
    caller: 'admin',
    schema: verifyChainSchema,
    read: (sent) => {
      const file = sent.get('checkpoints');
      return { checkpoints: file instanceof File && file.size > 0 ? file : undefined };
    },
    run: async ({ checkpoints }, { actor }) => {
      const read = await readKeptCheckpoints(checkpoints);
      if ('error' in read) return { status: 'error', message: read.error };
      const report = await verifyAuditChain({ actor, kept: read.kept });
      if (!report.isIntact) {
        const { seq, reason } = report.firstBreak;
        return {
          status: 'error',
          message: `The audit log has been tampered with. First broken link: event #${seq} — ${reasons[reason]}. The ${report.checked} events before it check out.`,
        };
      }
      const { problem, checked, latest } = report.checkpoints;
      if (problem) {
        return {
          status: 'error',
          message: `The audit log has been tampered with. The signed checkpoint of event #${problem.seq} (${problem.signedAt}) ${checkpointReasons[problem.reason]}.`,
        };
      }
      const against = latest ? ` They match all ${checked} signed checkpoints (the latest at event #${latest.seq}).` : '';
      return { status: 'success', message: `The audit log is intact: all ${report.checked} events check out.${against}` };
    },
  });
}
