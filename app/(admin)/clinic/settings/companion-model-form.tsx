'use client';

import { useActionState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { idleForm } from '@/lib/validation/form-state';
import { saveCompanionModelAction } from './companion-actions';

/** The clinic's choice about the companion's optional model (README, "The companion"). */
export function CompanionModelForm({ isAllowed, isConfigured }: { isAllowed: boolean; isConfigured: boolean }) {
  const [state, action, isPending] = useActionState(saveCompanionModelAction, idleForm);
  return (
    <form
      action={action}
      className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4"
      aria-labelledby="companion-model-heading"
    >
      <h2 id="companion-model-heading" className="font-semibold">
        Companion: optional language model
      </h2>
      <p className="text-sm text-stone-700">
        The companion is scripted. If your server has a self-hosted model (COMPANION_LLM_URL), it may rephrase the companion&rsquo;s
        listening replies only: never for a message with risk words, and its answers are checked and replaced by the scripted reply on any
        doubt.{' '}
        {isConfigured ? 'This server has a model configured.' : 'This server has no model configured, so the choice has no effect yet.'}
      </p>
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">May the model phrase listening replies?</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="allow" value="no" defaultChecked={!isAllowed} className="size-5 accent-brand-700" />
          Scripted replies only
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="allow" value="yes" defaultChecked={isAllowed} className="size-5 accent-brand-700" />
          Let the model phrase listening replies
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Saving…' : 'Save companion setting'}
        </button>
        {state.message && (
          <p
            role={state.status === 'error' ? 'alert' : 'status'}
            className={state.status === 'error' ? 'text-sm font-medium text-red-800' : 'text-sm text-stone-700'}
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
