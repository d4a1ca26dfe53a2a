'use client';

import { useActionState } from 'react';
import { secondaryButton } from '@/components/ui/button-styles';
import { FormMessage } from '@/components/ui/form-message';
import { idleForm } from '@/lib/validation/form-state';
import { verifyChainAction } from './actions';

export function VerifyForm() {
  const [state, action, isPending] = useActionState(verifyChainAction, idleForm);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <button type="submit" disabled={isPending} className={secondaryButton}>
        {isPending ? 'Checking…' : 'Verify integrity'}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
