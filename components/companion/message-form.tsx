'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { CompanionFormState } from '@/app/(client)/companion/actions';
import { CrisisResources } from '@/components/support/crisis-resources';
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
        <label htmlFor="companion-text" className="font-medium">
          Your message
        </label>
        <textarea
          ref={box}
          id="companion-text"
          name="text"
          rows={3}
          maxLength={maxLength}
          defaultValue={state.values?.text}
          required
          aria-invalid={Boolean(state.message)}
          aria-describedby={state.message ? 'companion-error' : undefined}
          className="rounded-md border border-stone-400 bg-white px-3 py-2"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {state.message && (
          <p id="companion-error" role="alert" className="text-sm font-medium text-red-800">
            {state.message}
          </p>
        )}
        <button
          type="submit"
          disabled={isSending}
          className="min-h-11 self-start rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {isSending ? 'Sending…' : 'Send'}
        </button>
      </form>
    </div>
  );
}
