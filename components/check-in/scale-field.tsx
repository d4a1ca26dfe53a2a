'use client';

/** A 1–10 scale as a radio group: arrow keys move along it, every option is a large target. */
export function ScaleField({
  name,
  legend,
  low,
  high,
  value,
  onChange,
  error,
  isRequired = false,
}: {
  name: string;
  legend: string;
  low: string;
  high: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  isRequired?: boolean;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="mb-1 font-medium">{legend}</legend>
      <p id={hintId} className="mb-2 text-sm text-stone-600">
        1 = {low}, 10 = {high}
      </p>
      <div className="grid grid-cols-5 gap-2">
        {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
          <label key={n} className="relative">
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              // The radios carry "required" (a group's fieldset may not): the form is noValidate,
              // so the server's message explains a missing answer.
              required={isRequired}
              onChange={() => onChange(n)}
              className="peer sr-only"
            />
            <span className="flex h-12 items-center justify-center rounded-lg border border-stone-300 bg-white text-lg font-medium peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 hover:bg-stone-100 peer-checked:hover:bg-brand-800">
              {n}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
