'use client';

import { useActionState, useState } from 'react';
import { primaryButton, smallButton } from '@/components/ui/button-styles';
import { FormMessage } from '@/components/ui/form-message';
import type { CarePlanContent, EvidenceRef } from '@/lib/validation/care-plan';
import { idleForm, type FormState } from '@/lib/validation/form-state';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;
export type EvidenceChoice = { kind: 'insight' | 'measure'; id: string; label: string };
type Section = 'problems' | 'goals' | 'interventions';

const control = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600';
const newId = () => Math.random().toString(36).slice(2, 10);
const refId = (r: EvidenceRef) => ('insightId' in r ? r.insightId : r.measureResponseId);

function Field({ id, label, error, ...rest }: { id: string; label: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} className={control} {...rest} />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function EvidencePicker({
  name,
  chosen,
  options,
  onChange,
}: {
  name: string;
  chosen: EvidenceRef[];
  options: EvidenceChoice[];
  onChange: (next: EvidenceRef[]) => void;
}) {
  if (options.length === 0) return null;
  const ids = new Set(chosen.map(refId));
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Evidence ({chosen.length} cited)</summary>
      <fieldset className="mt-2 flex max-h-48 flex-col gap-1 overflow-auto">
        <legend className="sr-only">Evidence for {name}</legend>
        {options.map((o) => (
          <label key={o.id} className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1 size-4 shrink-0"
              checked={ids.has(o.id)}
              onChange={(e) => {
                const rest = chosen.filter((r) => refId(r) !== o.id);
                const ref: EvidenceRef = o.kind === 'insight' ? { insightId: o.id } : { measureResponseId: o.id };
                onChange(e.target.checked ? [...rest, ref] : rest);
              }}
            />
            <span>
              {o.kind === 'insight' ? 'Signal: ' : ''}
              {o.label}
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * The care plan form. What is typed stays in this component's state, so an error or a conflict
 * with a newer version never loses it; each save becomes a new version on the server.
 */
export function CarePlanEditor({
  action,
  clientId,
  version,
  initial,
  evidenceOptions,
}: {
  action: Action;
  clientId: string;
  version: number;
  initial: CarePlanContent;
  evidenceOptions: EvidenceChoice[];
}) {
  const [state, formAction, isPending] = useActionState(action, idleForm);
  const [plan, setPlan] = useState<CarePlanContent>(initial);
  const err = state.fieldErrors ?? {};

  const update = <S extends Section>(section: S, index: number, patch: Partial<CarePlanContent[S][number]>) =>
    setPlan((p) => ({ ...p, [section]: p[section].map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const remove = (section: Section, index: number) => setPlan((p) => ({ ...p, [section]: p[section].filter((_, i) => i !== index) }));

  return (
    <form action={formAction} className="flex flex-col gap-6" aria-label="Edit the care plan">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="baseVersion" value={version} />
      <input type="hidden" name="content" value={JSON.stringify(plan)} />

      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-medium">Problems</legend>
        {plan.problems.map((p, i) => (
          <div key={p.id} className="flex flex-col gap-2 rounded-md border border-stone-200 p-3">
            <Field
              id={`problem-${p.id}`}
              label={`Problem ${i + 1}`}
              value={p.text}
              maxLength={500}
              error={err[`problems.${i}.text`]}
              onChange={(e) => update('problems', i, { text: e.target.value })}
            />
            <EvidencePicker
              name={`problem ${i + 1}`}
              chosen={p.evidence}
              options={evidenceOptions}
              onChange={(evidence) => update('problems', i, { evidence })}
            />
            <button type="button" className={`${smallButton} self-start`} onClick={() => remove('problems', i)}>
              Remove problem {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className={`${smallButton} self-start`}
          onClick={() => setPlan((p) => ({ ...p, problems: [...p.problems, { id: newId(), text: '', evidence: [] }] }))}
        >
          Add a problem
        </button>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-medium">Goals</legend>
        {plan.goals.map((g, i) => (
          <div key={g.id} className="flex flex-col gap-2 rounded-md border border-stone-200 p-3">
            <Field
              id={`goal-${g.id}`}
              label={`Goal ${i + 1}`}
              value={g.text}
              maxLength={500}
              error={err[`goals.${i}.text`]}
              onChange={(e) => update('goals', i, { text: e.target.value })}
            />
            <div className="grid gap-2 sm:grid-cols-[2fr_1fr]">
              <Field
                id={`goal-measure-${g.id}`}
                label="Measured by"
                value={g.measure}
                maxLength={300}
                error={err[`goals.${i}.measure`]}
                onChange={(e) => update('goals', i, { measure: e.target.value })}
              />
              <Field
                id={`goal-target-${g.id}`}
                label="Target date"
                type="date"
                value={g.targetDate}
                error={err[`goals.${i}.targetDate`]}
                onChange={(e) => update('goals', i, { targetDate: e.target.value })}
              />
            </div>
            <EvidencePicker
              name={`goal ${i + 1}`}
              chosen={g.evidence}
              options={evidenceOptions}
              onChange={(evidence) => update('goals', i, { evidence })}
            />
            <button type="button" className={`${smallButton} self-start`} onClick={() => remove('goals', i)}>
              Remove goal {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className={`${smallButton} self-start`}
          onClick={() =>
            setPlan((p) => ({ ...p, goals: [...p.goals, { id: newId(), text: '', measure: '', targetDate: '', evidence: [] }] }))
          }
        >
          Add a goal
        </button>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-medium">Interventions</legend>
        {plan.interventions.map((x, i) => (
          <div key={x.id} className="flex items-end gap-2">
            <div className="grow">
              <Field
                id={`intervention-${x.id}`}
                label={`Intervention ${i + 1}`}
                value={x.text}
                maxLength={500}
                error={err[`interventions.${i}.text`]}
                onChange={(e) => update('interventions', i, { text: e.target.value })}
              />
            </div>
            <button type="button" className={smallButton} onClick={() => remove('interventions', i)}>
              Remove
              <span className="sr-only"> intervention {i + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className={`${smallButton} self-start`}
          onClick={() => setPlan((p) => ({ ...p, interventions: [...p.interventions, { id: newId(), text: '' }] }))}
        >
          Add an intervention
        </button>
      </fieldset>

      <div className="max-w-xs">
        <Field
          id="review-date"
          label="Next review"
          type="date"
          value={plan.reviewDate}
          error={err.reviewDate}
          onChange={(e) => setPlan((p) => ({ ...p, reviewDate: e.target.value }))}
        />
      </div>

      <FormMessage state={state} />
      <div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? 'Saving…' : version === 0 ? 'Save the first version' : `Save as version ${version + 1}`}
        </button>
      </div>
    </form>
  );
}
