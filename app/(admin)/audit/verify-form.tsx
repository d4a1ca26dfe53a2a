'use client';

import { useActionState } from 'react';
import { secondaryButton } from '@/components/ui/button-styles';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { verifyChainAction } from './actions';

export function VerifyForm() {
  const [state, action, isPending] = useActionState(verifyChainAction, idleForm);
  return (
    <form action={action} className="flex max-w-md flex-col items-start gap-2" aria-label="Verify the audit log">
      <label className="flex flex-col gap-1 text-sm text-stone-700">
        <span>Checkpoint file you kept (optional)</span>
        <input type="file" name="checkpoints" accept="application/json,.json" aria-describedby="checkpoints-hint" className="text-sm" />
        <span id="checkpoints-hint" className="text-xs text-stone-500">
          Compares the log with a file from “Download signed checkpoints”, so deleted or re-hashed events are found even if the database was
          changed.
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={isPending} className={secondaryButton}>
          {isPending ? 'Checking…' : 'Verify integrity'}
        </button>
        <a href="/audit/checkpoints" className={secondaryButton} download>
          Download signed checkpoints
        </a>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
