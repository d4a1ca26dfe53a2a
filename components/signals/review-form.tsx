'use client';

import { useActionState, useState } from 'react';
import { primaryButton } from '@/components/ui/button-styles';
import { FormMessage } from '@/components/ui/form-message';
import { AcknowledgementFields } from '@/components/alerts/acknowledgement-fields';
import { dismissReasonLabels, dismissReasons } from '@/lib/validation/form-choices';
import { idleForm, type FormState } from '@/lib/validation/form-state';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;
type Choice = 'accept' | 'dismiss' | 'snooze' | 'acknowledge';

const control = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600';

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

const ROUTINE_CHOICES: readonly (readonly [Choice, string])[] = [
  ['accept', 'Accept'],
  ['dismiss', 'Dismiss'],
  ['snooze', 'Snooze'],
];
// An urgent signal is one risk event with its alert: settled by what was done, never snoozed.
const URGENT_CHOICES: readonly (readonly [Choice, string])[] = [
  ['acknowledge', 'Record what you did'],
  ['dismiss', 'Dismiss'],
];

/**
 * Accept (optionally into the care plan), dismiss with a reason, or snooze one signal; an urgent
 * one is acknowledged with what was done (which acknowledges its alert too) or dismissed.
 */
export function ReviewForm({
  action,
  clientId,
  insightId,
  tomorrow,
  isUrgent = false,
}: {
  action: Action;
  clientId: string;
  insightId: string;
  tomorrow: string;
  isUrgent?: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, idleForm);
  const [choice, setChoice] = useState<Choice | undefined>(state.values?.action as Choice | undefined);
  const [addToPlan, setAddToPlan] = useState(state.values?.addToPlan === 'on');
  const [planItem, setPlanItem] = useState<'problem' | 'goal'>(state.values?.planItem === 'goal' ? 'goal' : 'problem');
  const id = (name: string) => `${name}-${insightId}`;
  const err = state.fieldErrors ?? {};
  const described = (name: string) => (err[name] ? id(`${name}-error`) : undefined);

  return (
    <form action={formAction} className="mt-3 flex flex-col gap-3 border-t border-stone-100 pt-3">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="insightId" value={insightId} />
      <fieldset aria-describedby={described('action')}>
        <legend className="text-sm font-medium">Your review</legend>
        <div className="mt-1 flex flex-wrap gap-x-4">
          {(isUrgent ? URGENT_CHOICES : ROUTINE_CHOICES).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="action"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
                className="size-4"
              />
              {label}
            </label>
          ))}
        </div>
        <FieldError id={id('action-error')} message={err.action} />
      </fieldset>

      {choice === 'accept' && (
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="addToPlan"
              checked={addToPlan}
              onChange={(e) => setAddToPlan(e.target.checked)}
              className="size-4"
            />
            Add to the care plan as evidence
          </label>
          {addToPlan && (
            <div className="flex flex-col gap-2 rounded-md bg-stone-50 p-3">
              <fieldset>
                <legend className="text-sm font-medium">Add it to the plan as</legend>
                <div className="flex gap-4">
                  {(['problem', 'goal'] as const).map((value) => (
                    <label key={value} className="flex min-h-11 items-center gap-2">
                      <input
                        type="radio"
                        name="planItem"
                        value={value}
                        checked={planItem === value}
                        onChange={() => setPlanItem(value)}
                        className="size-4"
                      />
                      {value === 'problem' ? 'A problem' : 'A goal'}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="flex flex-col gap-1">
                <label htmlFor={id('planText')} className="text-sm font-medium">
                  {planItem === 'problem' ? 'Problem it is evidence for' : 'Goal it is evidence for'}
                </label>
                <input
                  id={id('planText')}
                  name="planText"
                  maxLength={500}
                  defaultValue={state.values?.planText ?? ''}
                  aria-invalid={Boolean(err.planText)}
                  aria-describedby={described('planText')}
                  className={control}
                />
                <FieldError id={id('planText-error')} message={err.planText} />
              </div>
              {planItem === 'goal' && (
                <div className="grid gap-2 sm:grid-cols-2">
                  <div className="flex flex-col gap-1">
                    <label htmlFor={id('planMeasure')} className="text-sm font-medium">
                      Measured by
                    </label>
                    <input
                      id={id('planMeasure')}
                      name="planMeasure"
                      maxLength={300}
                      defaultValue={state.values?.planMeasure ?? ''}
                      aria-invalid={Boolean(err.planMeasure)}
                      aria-describedby={described('planMeasure')}
                      className={control}
                    />
                    <FieldError id={id('planMeasure-error')} message={err.planMeasure} />
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={id('planTargetDate')} className="text-sm font-medium">
                      Target date
                    </label>
                    <input
                      id={id('planTargetDate')}
                      type="date"
                      name="planTargetDate"
                      defaultValue={state.values?.planTargetDate ?? ''}
                      aria-invalid={Boolean(err.planTargetDate)}
                      aria-describedby={described('planTargetDate')}
                      className={control}
                    />
                    <FieldError id={id('planTargetDate-error')} message={err.planTargetDate} />
                  </div>
                </div>
              )}
            </div>
          )}
        </div>
      )}

      {choice === 'acknowledge' && (
        <div className="flex flex-col gap-2">
          <AcknowledgementFields
            idSuffix={insightId}
            legend="What did you do?"
            names={{ action: 'ackAction', note: 'ackNote' }}
            values={state.values}
            errors={err}
          />
        </div>
      )}

      {choice === 'dismiss' && (
        <div className="flex flex-col gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={id('reason')} className="text-sm font-medium">
              Why dismiss it?
            </label>
            {isUrgent && (
              <p id={id('reason-hint')} className="text-sm text-stone-700">
                Dismissing an urgent signal also settles its alert. The clinic admin is told that it was dismissed, not why.
              </p>
            )}
            <select
              id={id('reason')}
              name="reason"
              defaultValue={state.values?.reason ?? ''}
              aria-invalid={Boolean(err.reason)}
              aria-describedby={[isUrgent ? id('reason-hint') : undefined, described('reason')].filter(Boolean).join(' ') || undefined}
              className={control}
            >
              <option value="">Choose a reason</option>
              {dismissReasons.map((r) => (
                <option key={r} value={r}>
                  {dismissReasonLabels[r]}
                </option>
              ))}
            </select>
            <FieldError id={id('reason-error')} message={err.reason} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={id('reasonText')} className="text-sm font-medium">
              In your words (needed for &ldquo;Something else&rdquo;)
            </label>
            <textarea
              id={id('reasonText')}
              name="reasonText"
              rows={2}
              maxLength={800}
              defaultValue={state.values?.reasonText ?? ''}
              aria-invalid={Boolean(err.reasonText)}
              aria-describedby={described('reasonText')}
              className={control}
            />
            <FieldError id={id('reasonText-error')} message={err.reasonText} />
          </div>
        </div>
      )}

      {choice === 'snooze' && (
        <div className="flex flex-col gap-1">
          <label htmlFor={id('until')} className="text-sm font-medium">
            Bring it back on
          </label>
          <input
            id={id('until')}
            type="date"
            name="until"
            min={tomorrow}
            defaultValue={state.values?.until ?? ''}
            aria-invalid={Boolean(err.until)}
            aria-describedby={described('until')}
            className={control}
          />
          <FieldError id={id('until-error')} message={err.until} />
        </div>
      )}

      <FormMessage state={state} />
      {choice && (
        <div>
          <button type="submit" disabled={isPending} className={primaryButton}>
            {isPending ? 'Saving…' : 'Save review'}
          </button>
        </div>
      )}
    </form>
  );
}
