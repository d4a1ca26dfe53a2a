'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { CompanionFormState } from '@/app/(client)/companion/actions';
import { CrisisResources } from '@/components/support/crisis-resources';
import { primaryButton } from '@/components/ui/button-styles';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { CrisisInfo } from '@/lib/dal/alerts';
import { idleForm } from '@/lib/validation/form-state';

type Props = {
  conversationId: string;
  maxLength: number;
  crisis: CrisisInfo;
  action: (state: CompanionFormState, data: FormData) => Promise<CompanionFormState>;
};

/** The client's message box. Text typed is kept on an error; crisis help shows even if saving failed. */
export function MessageForm({ conversationId, maxLength, crisis, action }: Props) {
  const [state, send, isSending] = useActionState<CompanionFormState, FormData>(action, idleForm);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!isSending && state.status !== 'error' && box.current) {
      box.current.value = '';
      box.current.focus();
    }
  }, [isSending, state]);
  return (
    <div className="flex flex-col gap-3">
      {state.isCrisis && <CrisisResources crisis={crisis} headingLevel={3} />}
      <form action={send} className="flex flex-col gap-2">
        <input type="hidden" name="conversationId" value={conversationId} />
        <TextAreaField
          ref={box}
          name="text"
          label="Your message"
          rows={3}
          maxLength={maxLength}
          defaultValue={state.values?.text}
          required
          error={state.fieldErrors?.text}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <FormMessage state={state} />
        <button type="submit" disabled={isSending} className={`${primaryButton} self-start`}>
          {isSending ? 'Sending…' : 'Send'}
        </button>
      </form>
    </div>
  );
}
