'use client';

import { useActionState, useState } from 'react';
import { saveCheckIn, type CheckInFormState } from '@/app/(client)/check-in/actions';
import { CrisisResources } from '@/components/support/crisis-resources';
import { primaryButton, secondaryButton } from '@/components/ui/button-styles';
import { TextAreaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { CrisisInfo } from '@/lib/dal/alerts';
import { ScaleField } from './scale-field';
import { idleForm } from '@/lib/validation/form-state';
import type { CheckInValues } from './values';

const initialState: CheckInFormState = idleForm;

function TagChip({ tag, isChecked, onToggle }: { tag: string; isChecked: boolean; onToggle: () => void }) {
  return (
    <label className="relative">
      <input type="checkbox" name="tags" value={tag} checked={isChecked} onChange={onToggle} className="peer sr-only" />
      <span className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-3 text-sm peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-medium peer-checked:text-brand-800 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
        {isChecked && (
          <span aria-hidden="true" className="mr-1">
            ✓
          </span>
        )}
        {tag}
      </span>
    </label>
  );
}

/**
 * The check-in: mood is the only question asked up front; everything else is folded away.
 * All fields are controlled, so nothing typed is lost when the server answers with an error.
 */
export function CheckInForm({
  checkInId,
  initial,
  tagGroups,
  ownTags,
  submitLabel,
  crisis,
}: {
  crisis: CrisisInfo;
  checkInId?: string;
  initial: CheckInValues;
  tagGroups: { label: string; tags: readonly string[] }[];
  ownTags: string[];
  submitLabel: string;
}) {
  const [state, formAction, isPending] = useActionState(saveCheckIn, initialState);
  const [values, setValues] = useState(initial);
  const [newTag, setNewTag] = useState('');
  const [addedTags, setAddedTags] = useState<string[]>([]);
  const hasOptional = Boolean(initial.anxiety || initial.energy || initial.sleepHours || initial.tags.length || initial.note);
  const errors = state.fieldErrors ?? {};
  const hasOptionalError = Boolean(errors.anxiety || errors.energy || errors.sleepHours || errors.tags || errors.note);
  const set = (key: keyof CheckInValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const toggleTag = (tag: string) =>
    setValues((v) => ({ ...v, tags: v.tags.includes(tag) ? v.tags.filter((t) => t !== tag) : [...v.tags, tag] }));
  const known = new Set(tagGroups.flatMap((g) => g.tags));
  const ownGroup = [...new Set([...ownTags, ...initial.tags.filter((t) => !known.has(t)), ...addedTags])];

  function addTag() {
    const tag = newTag.trim().toLowerCase();
    if (!tag || tag.length > 40) return;
    if (!known.has(tag) && !ownGroup.includes(tag)) setAddedTags((a) => [...a, tag]);
    setValues((v) => (v.tags.includes(tag) ? v : { ...v, tags: [...v.tags, tag] }));
    setNewTag('');
  }

  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      {checkInId && <input type="hidden" name="checkInId" value={checkInId} />}
      <FormMessage state={state} />
      {state.hasRiskLanguage && <CrisisResources crisis={crisis} />}
      <ScaleField
        name="mood"
        legend="How is your mood right now?"
        low="very low"
        high="very good"
        value={values.mood}
        onChange={set('mood')}
        error={errors.mood}
        isRequired
      />

      <details open={hasOptional || hasOptionalError} className="group rounded-lg border border-stone-200 bg-white">
        <summary className="flex min-h-12 cursor-pointer items-center justify-between px-4 font-medium">
          <span>More (optional): anxiety, energy, sleep, tags, a note</span>
          <span aria-hidden="true" className="ml-2 transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="flex flex-col gap-6 border-t border-stone-200 p-4">
          <ScaleField
            name="anxiety"
            legend="Anxiety"
            low="calm"
            high="very anxious"
            value={values.anxiety}
            onChange={set('anxiety')}
            error={errors.anxiety}
          />
          <ScaleField
            name="energy"
            legend="Energy"
            low="exhausted"
            high="full of energy"
            value={values.energy}
            onChange={set('energy')}
            error={errors.energy}
          />
          <TextField
            name="sleepHours"
            label="Hours of sleep last night"
            type="number"
            inputMode="decimal"
            min={0}
            max={24}
            step={0.5}
            value={values.sleepHours}
            onChange={(e) => set('sleepHours')(e.target.value)}
            error={errors.sleepHours}
          />
          <fieldset className="min-w-0" aria-describedby={errors.tags ? 'tags-error' : undefined}>
            <legend className="mb-2 font-medium">Tags</legend>
            <div className="flex flex-col gap-3">
              {[...tagGroups, { label: 'Your own', tags: ownGroup }]
                .filter((g) => g.tags.length > 0)
                .map((group) => (
                  <div key={group.label}>
                    <p className="mb-1 text-sm text-stone-600">{group.label}</p>
                    <div className="flex flex-wrap gap-2">
                      {group.tags.map((tag) => (
                        <TagChip key={tag} tag={tag} isChecked={values.tags.includes(tag)} onToggle={() => toggleTag(tag)} />
                      ))}
                    </div>
                  </div>
                ))}
              <div className="flex flex-col gap-1">
                <label htmlFor="new-tag" className="text-sm text-stone-600">
                  Add your own tag
                </label>
                <div className="flex gap-2">
                  <input
                    id="new-tag"
                    value={newTag}
                    maxLength={40}
                    onChange={(e) => setNewTag(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        addTag();
                      }
                    }}
                    className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
                  />
                  <button type="button" onClick={addTag} className={secondaryButton}>
                    Add
                  </button>
                </div>
              </div>
            </div>
            {errors.tags && (
              <p id="tags-error" className="mt-2 text-sm text-red-800">
                {errors.tags}
              </p>
            )}
          </fieldset>
          <TextAreaField
            name="note"
            label="A short note"
            hint="Up to 2,000 characters. For longer writing, use your journal."
            rows={3}
            maxLength={2000}
            value={values.note}
            onChange={(e) => set('note')(e.target.value)}
            error={errors.note}
          />
        </div>
      </details>

      <button type="submit" disabled={isPending} className={`${primaryButton} min-h-12 text-lg`}>
        {isPending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
