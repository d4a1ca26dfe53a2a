import { acknowledgementActions, acknowledgementLabels } from '@/lib/validation/form-choices';

const control = 'w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600';

/**
 * What the therapist did about an urgent event, and a note (needed for "something else"): the
 * same questions whether they answer from the alert or from its urgent signal.
 */
export function AcknowledgementFields({
  idSuffix,
  legend,
  names,
  values,
  errors,
}: {
  idSuffix: string;
  legend: string;
  names: { action: string; note: string };
  values?: Record<string, string>;
  errors: Partial<Record<string, string>>;
}) {
  const id = (name: string) => `${name}-${idSuffix}`;
  const actionError = errors[names.action];
  const noteError = errors[names.note];
  return (
    <>
      <fieldset aria-describedby={actionError ? id(`${names.action}-error`) : undefined}>
        <legend className="text-sm font-medium">{legend}</legend>
        <div className="mt-2 flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-4">
          {acknowledgementActions.map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" name={names.action} value={value} defaultChecked={values?.[names.action] === value} className="size-4" />
              {acknowledgementLabels[value]}
            </label>
          ))}
        </div>
        {actionError && (
          <p id={id(`${names.action}-error`)} className="text-sm text-red-700">
            {actionError}
          </p>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={id(names.note)} className="text-sm font-medium">
          Note (needed for &ldquo;Something else&rdquo;)
        </label>
        <textarea
          id={id(names.note)}
          name={names.note}
          rows={2}
          maxLength={2000}
          defaultValue={values?.[names.note] ?? ''}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? id(`${names.note}-error`) : undefined}
          className={control}
        />
        {noteError && (
          <p id={id(`${names.note}-error`)} className="text-sm text-red-700">
            {noteError}
          </p>
        )}
      </div>
    </>
  );
}
